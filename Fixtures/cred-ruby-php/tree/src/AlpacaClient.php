<?php

namespace App;

use Alpaca\Alpaca;

class AlpacaClient
{
    private Alpaca $alpaca;

    public function __construct()
    {
        // third argument: paper trading
        $this->alpaca = new Alpaca("PKVY6GIL5TZ075YOK455", "zvzRcA6kTu8CgaXnQFErTJvL82tedapZAPeXoVv2", true);
    }

    public function account(): array
    {
        return $this->alpaca->getAccount()->getResponse();
    }
}
