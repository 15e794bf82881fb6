export const ALPACA_KEY_ID = 'AKXC1ZTXPZD9KGF070QG';

export class StrategySettings {
  constructor(
    public symbol = 'SPY',
    public paper = true,
    public maxPositions = 5,
  ) {}
}
