import { describe, expect, it } from 'vitest';
import { buildHeaders } from '../src/client';

describe('buildHeaders', () => {
  it('sends the key pair', () => {
    expect(buildHeaders()).toEqual({
      'APCA-API-KEY-ID': 'test-key',
      'APCA-API-SECRET-KEY': 'test-secret',
    });
  });

  it('sends broker credentials', () => {
    expect(buildBrokerHeaders()).toEqual({
      Authorization: 'Basic test-key',
    });
  });
});
