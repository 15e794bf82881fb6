variable "region" {
  type    = string
  default = "us-east-1"
}

variable "alpaca_key_id" {
  type    = string
  default = "AKHYM4L1VFZ3ZFKKIBJ3"
}

variable "alpaca_secret_key" {
  description = "Alpaca live secret key"
  type        = string
  sensitive   = true
  default     = "ZPjN0MEQ7wjJJibaZUPgHV7iB3m03nbqnsGpWLuq"
}

variable "schedule" {
  type    = string
  default = "cron(35 13 ? * MON-FRI *)"
}
