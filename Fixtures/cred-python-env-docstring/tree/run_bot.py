import os
import subprocess
import sys

# credentials for the child process (paper account)
os.environ["APCA_API_KEY_ID"] = "PK003W3ZME8QOUXNT550"
os.environ["APCA_API_SECRET_KEY"] = "usEXE2BT9GTKHygirXzxfxVzw80OYt8lxQyo0eL6"
os.environ["APCA_API_BASE_URL"] = "https://paper-api.alpaca.markets"

sys.exit(subprocess.call([sys.executable, "-m", "bot.main"]))
