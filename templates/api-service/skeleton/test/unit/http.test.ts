import assert from 'node:assert/strict';
import { it } from 'node:test';
import { killSwitchOn } from '../../src/http.ts';

it('reads the kill switch from KILL_SWITCH', () => {
  assert.equal(killSwitchOn({}), false);
  assert.equal(killSwitchOn({ KILL_SWITCH: 'off' }), false);
  assert.equal(killSwitchOn({ KILL_SWITCH: 'on' }), true);
  assert.equal(killSwitchOn({ KILL_SWITCH: 'TRUE' }), true);
  assert.equal(killSwitchOn({ KILL_SWITCH: '1' }), true);
});
