context("Test that headers are built from the environment")

test_that("get_headers returns headers and errors as intended", {
  withr::with_envvar(c("APCA-LIVE-KEY" = "LIVEKEY",
                       "APCA-LIVE-SECRET" = "LIVESECRET",
                       "APCA-PAPER-KEY" = "PAPERKEY",
                       "APCA-PAPER-SECRET" = "PAPERSECRET"),
                     {
                       headers <- get_headers(live = FALSE)
                       expect_identical(
                         headers$headers,
                         c(
                           "APCA-API-KEY-ID" = "PAPERKEY",
                           "APCA-API-SECRET-KEY" = "PAPERSECRET"
                         )
                       )
                     })
})

test_that("get_url works", {
  expect_identical(get_url(TRUE), "https://api.alpaca.markets")
  expect_identical(get_url(FALSE), "https://paper-api.alpaca.markets")
})
