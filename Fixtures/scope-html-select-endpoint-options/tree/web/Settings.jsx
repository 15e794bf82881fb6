import { useState } from 'react';

export default function Settings() {
  const [keyId, setKeyId] = useState('PKHFEA77LKODAEUXZXET');
  const [endpoint, setEndpoint] = useState('https://paper-api.alpaca.markets');
  return (
    <form>
      <input value={keyId} onChange={(e) => setKeyId(e.target.value)} />
      <select value={endpoint} onChange={(e) => setEndpoint(e.target.value)}>
        <option value="https://paper-api.alpaca.markets">Paper</option>
        <option value="https://api.alpaca.markets">Live</option>
      </select>
    </form>
  );
}
