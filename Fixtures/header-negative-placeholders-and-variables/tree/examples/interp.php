<?php

$keyId = getenv('APCA_API_KEY_ID');
$secret = getenv('APCA_API_SECRET_KEY');
$headers = [
    "APCA-API-KEY-ID: {$keyId}",
    "APCA-API-SECRET-KEY: $secret",
];
