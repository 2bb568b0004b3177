import { describe, expect, it } from 'vitest';
import { ENTITY_IDS } from '../../lib/types';

describe('entity ids', () => {
  it('are the seven ids of the DESIGN.md contract', () => {
    expect([...ENTITY_IDS].sort()).toEqual(['cac', 'douyin', 'kuaishou', 'qinglang', 'self-media', 'wechat', 'weibo']);
  });
});
