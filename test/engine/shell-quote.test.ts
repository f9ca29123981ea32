/**
 * Remediation commands carry values from the audited host (interface names, file names), so
 * each value must reach the shell as one harmless word. The table pins the exact quoting for
 * bash, PowerShell and cmd on the awkward cases; the bash half is also proved by running
 * real bash on the quoted text and checking the word comes back unchanged and nothing ran.
 */
import {execFileSync} from 'node:child_process'

import {describe, expect, it} from 'vitest'

import {fillCommand} from '../../src/engine/interpolate.js'
import {quoteFor} from '../../src/engine/shell-quote.js'
import {SHELLS} from '../../src/engine/types.js'

// [description, value, bash, powershell, cmd]; null: not pinned here (see the bug below).
const TABLE: Array<[string, string, string, string, string | null]> = [
  ['a plain word', 'eth0', 'eth0', 'eth0', 'eth0'],
  ['a VLAN name', 'eth0.100', 'eth0.100', 'eth0.100', 'eth0.100'],
  ['an IPv4 CIDR', '198.51.100.10/32', '198.51.100.10/32', '198.51.100.10/32', '198.51.100.10/32'],
  ['an IPv6 CIDR', '2001:db8::10/128', '2001:db8::10/128', '2001:db8::10/128', '2001:db8::10/128'],
  ['a sysctl assignment', 'net.ipv4.conf.all.arp_ignore=1', 'net.ipv4.conf.all.arp_ignore=1', "'net.ipv4.conf.all.arp_ignore=1'", 'net.ipv4.conf.all.arp_ignore=1'],
  ['a path', '/etc/sysctl.d/90-rsaudit-realserver.conf', '/etc/sysctl.d/90-rsaudit-realserver.conf', '/etc/sysctl.d/90-rsaudit-realserver.conf', '/etc/sysctl.d/90-rsaudit-realserver.conf'],
  ['a space', 'my file', "'my file'", "'my file'", '"my file"'],
  ['a single quote', "it's", "'it'\\''s'", "'it''s'", '"it\'s"'],
  ['a double quote', 'say "hi"', '\'say "hi"\'', '\'say "hi"\'', '"say ""hi"""'],
  ['command substitution', '$(reboot)', "'$(reboot)'", "'$(reboot)'", '"$(reboot)"'],
  ['a command separator', 'eth0;reboot', "'eth0;reboot'", "'eth0;reboot'", '"eth0;reboot"'],
  ['a pipe and an ampersand', 'a|b&c', "'a|b&c'", "'a|b&c'", '"a|b&c"'],
  ['a newline', 'a\nb', "'a\nb'", "'a\nb'", null],
  // cmd: %% is the batch-file escape for a percent sign.
  ['a cmd variable', '%PATH%', '%PATH%', "'%PATH%'", '"%%PATH%%"'],
  ['typographic single quotes', '‘x’', "'‘x’'", "'‘‘x’’'", '"‘x’"'],
  ['low-9 and reversed quotes', '‚x‛', "'‚x‛'", "'‚‚x‛‛'", '"‚x‛"'],
  ['typographic double quotes', '“x”', "'“x”'", "'“x”'", '"“x”"'],
  ['the empty string', '', "''", "''", '""'],
]

describe.each(SHELLS.map((shell, index) => [shell, index] as const))('quoteFor(%s)', (shell, index) => {
  const rows = TABLE.flatMap(([name, value, ...quoted]) => {
    const expected = quoted[index]
    return typeof expected === 'string' ? [[name, value, expected] as const] : []
  })
  it.each(rows)('quotes %s', (_name, value, quoted) => {
    expect(quoteFor(shell, value)).toBe(quoted)
  })
})

describe('quoteFor(bash) against a real bash', () => {
  /** What bash makes of `printf %s <quoted>`: the value back, if the quoting is right. */
  function throughBash(value: string): string {
    return execFileSync('bash', ['--noprofile', '--norc', '-c', `printf '%s' ${quoteFor('bash', value)}`], {encoding: 'utf8', env: {PATH: process.env.PATH, HOME: '/nonexistent'}})
  }

  const hostile = [
    'eth0',
    'eth0;echo INJECTED',
    '$(echo INJECTED)',
    '`echo INJECTED`',
    '$HOME',
    "it's",
    "'",
    '"',
    'a\nb',
    'tab\there',
    '*',
    '~root',
    '{a,b}',
    '#not-a-comment',
    '!x',
    'back\\slash',
    '%PATH%',
    '‘x’ “y”',
    '',
  ]

  it.each(hostile)('gives %j back as one word', (value) => {
    expect(throughBash(value)).toBe(value)
  })
})

describe('quoteFor(cmd) and line breaks', () => {
  // cmd reads one line at a time and a double-quoted string cannot span lines: such a value
  // cannot be quoted, so the command that needs it is left out rather than split in two.
  it('refuses a value with a line break', () => {
    expect(quoteFor('cmd', 'a\nreboot')).toBeUndefined()
    expect(quoteFor('cmd', 'a\r\nreboot')).toBeUndefined()
    expect(fillCommand('echo {{v}}', {v: 'a\nreboot'}, 'cmd')).toBeUndefined()
  })
})
