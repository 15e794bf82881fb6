plugins {
    kotlin("jvm") version "2.0.0"
}

dependencies {
    implementation("net.jacobpeterson.alpaca:alpaca-java:10.0.1")
}
