<?php

$ch = curl_init('https://paper-api.alpaca.markets/v2/account');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, [
    'APCA-API-KEY-ID: PKNL78K8CVMZPP0OFPFB',
    'APCA-API-SECRET-KEY: cadC4KWzVupTswETUACMXap9mLUk4AXGhgYp1S5O',
]);
$account = json_decode(curl_exec($ch), true);
curl_close($ch);
