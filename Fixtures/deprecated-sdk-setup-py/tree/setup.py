from setuptools import find_packages, setup

setup(
    name="alpaca-trade-api-helpers",
    version="0.1.0",
    description="Order helpers for alpaca-trade-api users",
    packages=find_packages(),
    install_requires=[
        "pandas>=1.5",
        # "alpaca-trade-api==1.4.3",
        "alpaca-trade-api>=2.0",
    ],
)
