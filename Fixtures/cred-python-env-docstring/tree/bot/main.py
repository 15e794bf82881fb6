import time

from bot.client import make_client

# paper account used for the March test run: PKXIUTAU7IPKX64A0ANE / lfeTvdy3JoVT7zBbRTOcamSXs1NPJ3D98c9woaiO


def loop(interval=60):
    client = make_client()
    while True:
        clock = client.get_clock()
        if clock.is_open:
            print("market open, equity", client.get_account().equity)
        time.sleep(interval)


if __name__ == "__main__":
    loop()
