/**
 * Prompt lines in every style support engineers receive: they tell the splitter where output
 * starts, which command printed it, the host and whether it ran as root. Lines that only look
 * a little like prompts (markdown headings, `$ 100`, e-mail headers, output lines) must not be.
 */
import {describe, expect, it} from 'vitest'

import {readPrompt} from '../../src/paste/prompt.js'

describe('readPrompt', () => {
  it.each([
    ['$ ip addr', {prompt: '$', command: 'ip addr', root: false, windows: false}],
    ['# sysctl -a | grep arp', {prompt: '#', command: 'sysctl -a | grep arp', root: true}],
    ['% ss -ltn', {prompt: '%', command: 'ss -ltn', root: false}],
    ['$', {prompt: '$', command: ''}],
    ['[root@rs1 ~]# ss -ltn', {prompt: '[root@rs1 ~]#', command: 'ss -ltn', user: 'root', host: 'rs1', root: true}],
    // A real paste (shared sample linux-ip-addr-vip-on-lo-1) shows root with `$`: the user decides.
    ['[root@rs1 html]$ ip a', {prompt: '[root@rs1 html]$', command: 'ip a', host: 'rs1', root: true}],
    ['[jdoe@web-01.example.com tmp]$ ip r', {host: 'web-01.example.com', user: 'jdoe', root: false}],
    ['root@rs1:~# ip a', {prompt: 'root@rs1:~#', command: 'ip a', host: 'rs1', root: true}],
    ['admin@ip-172-31-29-190:~$ ip a', {host: 'ip-172-31-29-190', user: 'admin', root: false, command: 'ip a'}],
    ['root@5facbe4ddc1e:/# ip --details addr ls', {host: '5facbe4ddc1e', command: 'ip --details addr ls', root: true}],
    ['node@reactor:/opt/reactor-app$', {host: 'reactor', command: '', root: false}],
    ['[root@node28 ~]#  sudo sysctl -a | grep rp_filter', {host: 'node28', command: 'sudo sysctl -a | grep rp_filter'}],
    ['jdoe@rs2 ~ $ ip a', {host: 'rs2', user: 'jdoe', command: 'ip a'}],
    ['rs1:~ # ip a', {prompt: 'rs1:~ #', host: 'rs1', command: 'ip a', root: true}],
    ['bash-4.2# ss -ltn', {prompt: 'bash-4.2#', command: 'ss -ltn', root: true}],
    ['(venv) jdoe@rs1:~/src$ ss -ltn', {host: 'rs1', command: 'ss -ltn'}],
    ['C:\\> netsh interface ipv4 show interface 12', {prompt: 'C:\\>', command: 'netsh interface ipv4 show interface 12', windows: true, root: false}],
    ['C:\\Users\\analyst>ipconfig /all', {prompt: 'C:\\Users\\analyst>', command: 'ipconfig /all', windows: true}],
    ['PS C:\\> Get-NetIPInterface', {prompt: 'PS C:\\>', command: 'Get-NetIPInterface', windows: true}],
    ['PS C:\\Users\\admin> ipconfig', {prompt: 'PS C:\\Users\\admin>', command: 'ipconfig', windows: true}],
    ['PS> Get-NetRoute', {prompt: 'PS>', command: 'Get-NetRoute', windows: true}],
    ['  $ ip a  ', {prompt: '$', command: 'ip a'}],
  ])('reads %j', (line, expected) => {
    expect(readPrompt(line)).toMatchObject(expected)
  })

  it.each([
    '# We use keepalived 2.2 on the directors.',
    '# Output of rs1',
    '#',
    '$ 100 per month',
    '% of requests time out',
    '> $ ip a',
    'Hello,',
    'john@example.com wrote:',
    'On Mon, 3 Jun 2024, Jane Doe <jane@example.com> wrote:',
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
    '    inet 127.0.0.1/8 scope host lo',
    'net.ipv4.conf.all.arp_ignore = 1',
    '/proc/sys/net/ipv4/conf/all/arp_ignore:1',
    'default via 10.0.2.2 dev eth0 proto dhcp metric 100',
    'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess',
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    'Windows IP Configuration',
    '',
  ])('does not take %j for a prompt', (line) => {
    expect(readPrompt(line)).toBeUndefined()
  })
})
