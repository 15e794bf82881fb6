from flask import Flask, jsonify, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "nipnW62692vxceLcJZNvfGkfg9qb5RqvauIOIfnq"


@app.get("/health")
def health():
    session["seen"] = True
    return jsonify(status="ok")
