resource "kubernetes_secret" "alpaca_paper" {
  metadata {
    name      = "alpaca-paper"
    namespace = "trading"
  }

  data = {
    APCA_API_KEY_ID     = "PKKR7RKH2OP3J216RLL1"
    APCA_API_SECRET_KEY = "jeaqLXDahh95VyW/Aiqb7v8IzM6jkd45BReQvMDm"
  }
}
