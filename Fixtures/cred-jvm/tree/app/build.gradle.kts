plugins {
    id("com.android.application")
    kotlin("android")
}

android {
    namespace = "com.acme.tradewatch"
    compileSdk = 34

    defaultConfig {
        applicationId = "com.acme.tradewatch"
        minSdk = 26
        targetSdk = 34
        buildConfigField("String", "ALPACA_KEY_ID", "\"PK9XH1SVEC9G2393MNF4\"")
        buildConfigField("String", "ALPACA_SECRET_KEY", "\"I8WgUjoENiwFS8M89npQdjwygoX42V0J5mXcUE1k\"")
        buildConfigField("Boolean", "ALPACA_PAPER", "true")
    }

    buildFeatures {
        buildConfig = true
    }
}
