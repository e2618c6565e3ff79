import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

function refusal(apiKeys: string): ConfigError | undefined {
  try {
    loadConfig({ API_KEYS: apiKeys });
  } catch (error) {
    return error as ConfigError;
  }
  return undefined;
}

describe('API key strength', () => {
  it('refuses a key shorter than 32 characters, saying how to make one, without echoing it', () => {
    const error = refusal('editor:Zq8vT2mR4kW9pL1xN6cB3hY7');
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toMatch(/at least 32 characters/);
    expect(error?.message).toContain('openssl rand -hex 24');
    expect(error?.message).not.toContain('Zq8vT2mR4kW9');
  });

  it('refuses a long key of little variety', () => {
    for (const key of ['a'.repeat(40), 'abababababababababababababababab', '0123012301230123012301230123012301']) {
      const error = refusal(`admin:${key}`);
      expect({ key, error: error?.message }).toEqual({ key, error: expect.stringMatching(/distinct characters[\s\S]*openssl rand -hex 24/) });
    }
  });

  it('accepts a key made as the message says', () => {
    const key = '9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3e5b7d9f1a2c4e6b8';
    expect(loadConfig({ API_KEYS: `editor:${key}` }).apiKeys).toHaveLength(1);
  });
});
