import Alpaca from "@alpacahq/alpaca-trade-api";

export const alpaca = new Alpaca({
  keyId: "PKHL7X73WK23SHGYOX7CZSUTQU",
  secretKey: "QsMrocnDbuEjqY1ikzvtyhaznoE5hLXtB6E15n8Bn6Hb",
  paper: true,
});
