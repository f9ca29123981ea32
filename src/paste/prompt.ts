/**
 * Recognizes shell prompt lines in pasted text (`$ ip addr`, `[root@rs1 ~]# ss -ltn`,
 * `root@rs1:~#`, `rs1:~ #`, `mac:~ admin$`, `bash-4.2#`, `C:\> netsh ...`, `PS C:\> Get-NetIPInterface`,
 * `[WEB01]: PS C:\>`).
 *
 * A prompt tells the splitter three things the output alone cannot: where one command's output
 * ends and the next begins, which command printed it, and (from `user@host`) which host and
 * whether it ran as root. Styles are a table so a new shell is one row, not another branch.
 */

export interface PromptLine {
  /** The prompt as pasted, without the command: `[root@rs1 ~]#`, `PS C:\>`, `$`. */
  prompt: string
  /** What was typed after the prompt, trimmed; empty for a bare prompt. */
  command: string
  user?: string
  host?: string
  /** A `#` prompt or user root. */
  root: boolean
  windows: boolean
}

/** A prompt with its 1-based line number in the paste. */
export type NumberedPrompt = PromptLine & {line: number}

interface PromptStyle {
  pattern: RegExp
  windows?: boolean
  /** `#`, `$` or `%` alone says little: such a line is a prompt only before a plausible command. */
  bare?: boolean
}

// Each pattern captures `prompt` (and `sym`, `user`, `host` where the style has them); the command
// is what follows. The trailing `(?:\s+(?<command>.*))?$` lets a prompt stand alone at the end of a session.
const COMMAND = String.raw`(?:\s+(?<command>.*))?$`
const STYLES: readonly PromptStyle[] = [
  // [root@rs1 ~]#   [root@rs1 html]$ (a real paste shows root with `$`)
  {pattern: new RegExp(String.raw`^(?<prompt>\[(?<user>[\w.-]+)@(?<host>[\w.-]+)(?:\s[^\]]*)?\]\s?(?<sym>[#$%]))${COMMAND}`)},
  // root@rs1:~#   admin@ip-172-31-29-190:~$   user@host ~ $ (Gentoo)
  {pattern: new RegExp(String.raw`^(?<prompt>(?<user>[\w.-]+)@(?<host>[\w.-]+)(?::[^\s#$%]*|\s+[~/][^\s#$%]*)?\s?(?<sym>[#$%]))${COMMAND}`)},
  // rs1:~ #   (SUSE, no user part)
  {pattern: new RegExp(String.raw`^(?<prompt>(?<host>[A-Za-z][\w.-]*):[~/][^\s#$%]*\s?(?<sym>[#$]))${COMMAND}`)},
  // new-host:~ tpetr$   mac:/etc root#   (the macOS bash prompt: host, directory, user)
  {pattern: new RegExp(String.raw`^(?<prompt>(?<host>[A-Za-z][\w.-]*):[~/][^\s#$%]*\s(?<user>[\w.-]+)(?<sym>[#$]))${COMMAND}`)},
  // bash-4.2#   sh-4.4$   (containers and rescue shells)
  {pattern: new RegExp(String.raw`^(?<prompt>(?:-?bash|sh|ash|zsh)-[\d.]+(?<sym>[#$]))${COMMAND}`)},
  // PS C:\Users\admin>   C:\>   PS>   [WEB01]: PS C:\Users\admin\Documents> (PowerShell remoting names the host)
  {pattern: /^(?<prompt>(?:\[(?<host>[\w.-]+)\]:\s*)?(?:PS\s+)?[A-Za-z]:\\[^>]*>|PS\s*>)\s*(?<command>.*)$/, windows: true},
  // $ ip addr   # sysctl -a   % ss -ltn
  {pattern: new RegExp(String.raw`^(?<prompt>(?<sym>[#$%]))${COMMAND}`), bare: true},
]

/**
 * Programs a bare `#` or `%` prompt may run. `# ...` is also a markdown heading or a comment and
 * `% ...` a sentence, so they count as prompts only in front of a command an administrator would paste.
 */
const KNOWN_PROGRAMS = new Set(['ip', 'ss', 'sysctl', 'cat', 'grep', 'egrep', 'head', 'tail', 'more', 'less', 'uname',
  'hostname', 'hostnamectl', 'ipvsadm', 'netstat', 'ifconfig', 'route', 'arping', 'arp', 'systemctl', 'journalctl',
  'nmcli', 'ls', 'echo', 'sudo', 'find', 'awk', 'iptables', 'nft', 'firewall-cmd', 'tcpdump', 'curl', 'ping',
  'iptables-save', 'ip6tables', 'ip6tables-save', 'iptables-legacy-save', 'ip6tables-legacy-save',
  'lsb_release', 'keepalived', 'ldirectord', 'nsenter', 'docker', 'podman', 'kubectl', 'ipadm', 'sysrc', 'launchctl'])

/** The prompt on this line, or undefined when the line is not one. */
export function readPrompt(line: string): PromptLine | undefined {
  // A Python or conda environment prefixes the prompt: `(venv) user@host:~$`.
  const text = line.trim().replace(/^\([\w.-]+\)\s+/, '')
  for (const style of STYLES) {
    const groups = style.pattern.exec(text)?.groups
    if (!groups) continue
    const command = (groups.command ?? '').trim()
    const sym = groups.sym
    if (style.bare && !plausibleBareCommand(sym ?? '', command)) continue
    const prompt: PromptLine = {prompt: groups.prompt ?? '', command, root: sym === '#' || groups.user === 'root', windows: style.windows === true}
    if (groups.user !== undefined) prompt.user = groups.user
    if (groups.host !== undefined) prompt.host = groups.host
    return prompt
  }

  return undefined
}

function plausibleBareCommand(sym: string, command: string): boolean {
  const program = /^(?:sudo\s+)?(\S+)/.exec(command)?.[1] ?? ''
  if (sym !== '$') return KNOWN_PROGRAMS.has(program.replace(/^.*\//, ''))
  // `$` alone closes a session; otherwise a lower-case word or a path, not `$ 100`.
  return command === '' || /^(?:[a-z][\w.+-]*|\.?\/\S+)$/.test(program)
}
