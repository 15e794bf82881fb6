variable "region" {
  type    = string
  default = "us-east-1"
}

variable "alpaca_key_id"     { default = "AKDO2T1CVM36FMNCB013" }
variable "alpaca_secret_key" { default = "1wb7fVO2BEA52lYtkrFhyjATUGJigNJbrVGVeBQB" }
