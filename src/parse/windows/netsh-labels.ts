/**
 * Localized netsh labels and values, one table per thing the parsers need to recognise.
 * netsh translates labels (`Weak Host Sends` → `弱主机发送`) and some values (`ON` → `ВКЛЮЧИТЬ`,
 * `Actif`, `ACTIVAR`; `Yes` → `Ja`), but not all: `IfIndex`, `enabled`/`disabled` and `connected`
 * stayed English on the real zh-CN and ru captures, `Firewall Policy` values are never translated,
 * and Japanese keeps the advfirewall profile labels (`State`) in English. Parsers therefore look
 * structure up first and use these tables only where a label or value decides.
 *
 * Provenance, per spelling: `seen(text, source)` marks a spelling read in real output, `source`
 * naming an {@link EVIDENCE} entry (a fixture under fixtures/windows/ whose text the label test
 * searches, or a cited tool that parses that language's real output). A bare string is a guess from
 * Microsoft's usual terminology: it is kept so a matching translation is read, and reported as
 * unverified by {@link termRecords}. Lookups are case-, width- (NFKC) and whitespace-insensitive; a
 * trailing colon is ignored.
 *
 * @example
 * lookupLabel(INTERFACE_LABELS, '弱主机发送')      // → 'weakHostSend'
 * lookupLabel(ON_OFF_VALUES, 'ВКЛЮЧИТЬ')           // → 'on'
 */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ru', 'zh', 'ja'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * How a source shows a spelling. `capture`: real netsh output, copied verbatim (whole or trimmed).
 * `tool`: the source of a program that reads that language's real netsh output and matches on the
 * spelling. `reproduction`: text written to look like netsh output by someone who says it matches
 * what Windows prints; it counts as a claim, not as verification.
 */
export type EvidenceKind = 'capture' | 'tool' | 'reproduction'

export interface Evidence {
  kind: EvidenceKind
  /** Where it came from: repository and path, or the code index's file ids when it names no repository. */
  where: string
  /** fixtures/windows/<fixture>/ holds the text; the label test checks each spelling citing it occurs there. */
  fixture?: string
}

const fixture = (folder: string, kind: EvidenceKind, where: string): Evidence => ({kind, where, fixture: folder})

/** Every source a spelling may cite. Fixture entries are named after their folder; SOURCE.md there says more. */
export const EVIDENCE = {
  'netsh-win10-wslroutesvc-go-test': fixture('netsh-win10-wslroutesvc-go-test', 'capture', 'en-US show interface and show config (wheatevo/wslroutesvc Go test)'),
  'netsh-win10-wsl-anyconnect': fixture('netsh-win10-wsl-anyconnect', 'capture', 'en-US show interfaces, connected and disconnected rows'),
  'netsh-zh-cn-lab9-wlan': fixture('netsh-zh-cn-lab9-wlan', 'capture', 'zh-CN show interface 5, the whole parameter block'),
  'netsh-ru-vpn-client-partial': fixture('netsh-ru-vpn-client-partial', 'capture', 'ru-RU show interface, trimmed to title, IfIndex and State by a VPN client test'),
  'netsh-htb-academy-allprofiles-off': fixture('netsh-htb-academy-allprofiles-off', 'capture', 'en-US allprofiles, all OFF'),
  'netsh-crtp-lab-currentprofile': fixture('netsh-crtp-lab-currentprofile', 'capture', 'en-US currentprofile, ON'),
  'netsh-zh-cn-qianxin-proxy-currentprofile': fixture('netsh-zh-cn-qianxin-proxy-currentprofile', 'capture', 'zh-CN currentprofile (公用配置文件, 状态 启用)'),
  'netsh-fr-ynov-tp1-allprofiles': fixture('netsh-fr-ynov-tp1-allprofiles', 'capture', 'fr-FR allprofiles (État Actif)'),
  'netsh-dcos-admin-router-rule': fixture('netsh-dcos-admin-router-rule', 'capture', 'en-US show rule, Allow, all profiles'),
  'netsh-de-dayz-server-manager-rule': fixture('netsh-de-dayz-server-manager-rule', 'capture', 'de-DE verbose show rule (values partly replaced by CUT)'),
  'netsh-fr-system-info-collector-rules': fixture(
    'netsh-fr-system-info-collector-rules',
    'reproduction',
    'fr-FR show rule blocks in a collector test; its author says they reproduce a real collection',
  ),
  'netsh-de-kotlin-test-unverified': fixture('netsh-de-kotlin-test-unverified', 'reproduction', 'de-DE profile and rule blocks a Kotlin test calls "what a localised one prints"'),
  'netsh-win2008-iis-webshell-state': fixture('netsh-win2008-iis-webshell-state', 'capture', 'en-US legacy show state (Operational mode = Enable, Remote admin mode = Disable)'),
  'netsh-zh-cn-win7-firewall-state': fixture('netsh-zh-cn-win7-firewall-state', 'capture', 'zh-CN Windows 7 legacy show state (操作模式 = 启用, 远程管理模式 = 禁用)'),
  'netsh-zh-cn-ws2022-core-config': fixture('netsh-zh-cn-ws2022-core-config', 'capture', 'zh-CN Server 2022 show config (DHCP 已启用: 是 / 否)'),
  'de-aquamaint-firewall': {
    kind: 'tool',
    where:
      'TylerHarfst507/AquaMaintMain, C# SystemAccess.GetFirewallInformation: reads `netsh advfirewall show allprofiles` in the OEM code page, ' +
      'matches the titles "Domänenprofil" / "Privates Profil-Einstellungen" / "Öffentliches Profil-Einstellungen", the label "Status" and the value "EIN" ' +
      '(code-index file ids 39875641072, 39802841677, 39735416920)',
  },
  'de-hardening-scanner-test': {
    kind: 'tool',
    where:
      'pytest of a German Windows hardening scanner, test_german_netsh_ein_passes: "deutsches Win11-netsh zeigt \'Status EIN\' (verifiziert auf der ' +
      'echten Maschine)", titles "Domänenprofil-Einstellungen:" etc. (code-index file id 56766097947)',
  },
  'es-distrivale-remote-access': {
    kind: 'tool',
    where:
      'Rust desktop shell of a Spanish app ("acceso remoto"), test el_perfil_de_red_se_reconoce_en_espanol_e_ingles: `netsh advfirewall show ' +
      'currentprofile` as "Configuración de Perfil privado:\\r\\n----\\r\\nEstado ACTIVAR" (code-index file id 70863996398); the same titles are matched ' +
      'by a Python system-information tool (file ids 53759099217, 53858986531)',
  },
  'ja-inetfw-netsh-pl': {
    kind: 'tool',
    where:
      'inetfw_netsh.pl by Yukio Shiiya (MIT, 2010-2017): converts `chcp 932 & netsh advfirewall firewall show rule name=all verbose` and ' +
      '`show allprofiles` output; its tables list the Japanese field names (規則名, 有効, 方向, プロファイル, ローカル IP, プロトコル, ローカル ポート, 操作; ' +
      'profile fields stay English: State), the values (はい/いいえ, 入力/出力, ドメイン/プライベート/パブリック, 任意, 許可/ブロック/バイパス, オン/オフ) ' +
      'and the English ones beside them (code-index file id 46406965123)',
  },
  'ru-firewall-check-cp866': {
    kind: 'tool',
    where:
      'Python and Java firewall checks that decode `netsh advfirewall show allprofiles|currentprofile` as cp866 and look for ' +
      '"Состояние                             ВКЛЮЧИТЬ" (code-index file ids 22748698920, 34318923612, 39060060313, 38994085140)',
  },
  'ru-rule-tests': {
    kind: 'tool',
    where:
      'rule blocks in Russian in the tests of two tools that read `netsh advfirewall firewall show rule`: C# TestFirewallLocalizedOwnRuleBlocked ' +
      '(Имя правила, Включено: Да, Направление: Исходящие, Действие: Блокировать; file id 61038767674) and Python FirewallTests.RU of a print ' +
      'server (Профили: Частный, Направление: Входящие, Действие: Разрешить, Протокол, Локальный порт; file id 68580822132)',
  },
  'zh-rule-tests': {
    kind: 'tool',
    where:
      'rule blocks in Chinese in the tests of four tools that read `netsh advfirewall firewall show rule`: Rust dsh-desktop (file id 69579444142), ' +
      'C# NetSpeedTest FirewallProbeTests (70166039386), Python EchoText (55088636112), Rust cc-bridge NETSH_ZH "中文 locale（GBK 控制台）" (59953132445): ' +
      '规则名称, 已启用 or 启用: 是, 方向: 入, 配置文件: 域,专用,公用, 协议, 本地端口: 任何, 操作: 允许 / 阻止',
  },
  'zh-rule-readme-examples': {
    kind: 'reproduction',
    where:
      'README examples of the output to expect (ClawDesk MCP Server, file id 25298469093; XhMonitor, 37216564929): 方向: 入站, LocalIP / RemoteIP ' +
      'left in English; probably edited, as they lack lines netsh always prints',
  },
} as const satisfies Readonly<Record<string, Evidence>>

export type EvidenceId = keyof typeof EVIDENCE

/** A spelling read in real output, with the evidence that shows it. */
export interface SeenTerm {
  readonly text: string
  readonly seen: EvidenceId
}

/** One spelling: a bare string is a guess, a {@link SeenTerm} was read in the cited source. */
export type Term = string | SeenTerm

/** Marks `text` as shown by `source`. */
export function seen(text: string, source: EvidenceId): SeenTerm {
  return {text, seen: source}
}

export function termText(term: Term): string {
  return typeof term === 'string' ? term : term.text
}

/** The source that verifies the term: a capture or a tool; a guess or a reproduction has none. */
export function verifyingSource(term: Term): EvidenceId | undefined {
  return typeof term !== 'string' && EVIDENCE[term.seen].kind !== 'reproduction' ? term.seen : undefined
}

/** For each language, the localized spellings (several where Windows versions differ). */
export type Localized = Readonly<Record<Language, readonly Term[]>>
/** Canonical key → its spellings in every language. */
export type LabelTable<K extends string> = Readonly<Record<K, Localized>>

const wsl = (text: string): SeenTerm => seen(text, 'netsh-win10-wslroutesvc-go-test')
const lab9 = (text: string): SeenTerm => seen(text, 'netsh-zh-cn-lab9-wlan')

/**
 * `netsh interface ipv4|ipv6 show interface <idx>` labels. Only en and zh are read in full real
 * blocks, ru only up to State; no real de/fr/es/ja block was found, so those are guesses and the
 * parser falls back to field order (netsh-interface.ts) when they do not match.
 */
export const INTERFACE_LABELS = {
  index: {
    en: [wsl('IfIndex')],
    de: ['IfIndex'],
    fr: ['IfIndex'],
    es: ['IfIndex'],
    ru: [seen('IfIndex', 'netsh-ru-vpn-client-partial')],
    zh: [lab9('IfIndex')],
    ja: ['IfIndex'],
  },
  state: {
    en: [wsl('State')],
    de: ['Status'],
    fr: ['État', 'Etat'],
    es: ['Estado'],
    ru: [seen('Состояние', 'netsh-ru-vpn-client-partial')],
    zh: [lab9('状态')],
    ja: ['状態'],
  },
  metric: {en: [wsl('Metric')], de: ['Metrik'], fr: ['Métrique'], es: ['Métrica'], ru: ['Метрика'], zh: [lab9('跃点数')], ja: ['メトリック']},
  weakHostSend: {
    en: [wsl('Weak Host Sends')],
    de: ['Schwache Hostsendungen', 'Senden über schwachen Host'],
    fr: ["Envois de l'hôte faible", 'Envoi hôte faible'],
    es: ['Envíos de host débil'],
    ru: ['Отправка слабым узлом'],
    zh: [lab9('弱主机发送')],
    ja: ['弱いホストの送信'],
  },
  weakHostReceive: {
    en: [wsl('Weak Host Receives')],
    de: ['Schwache Hostempfänge', 'Empfangen über schwachen Host'],
    fr: ["Réceptions de l'hôte faible", 'Réception hôte faible'],
    es: ['Recepciones de host débil'],
    ru: ['Получение слабым узлом'],
    zh: [lab9('弱主机接收')],
    ja: ['弱いホストの受信'],
  },
  automaticMetric: {
    en: [wsl('Use Automatic Metric')],
    de: ['Automatische Metrik verwenden'],
    fr: ['Utiliser la métrique automatique'],
    es: ['Usar métrica automática'],
    ru: ['Использовать автоматическую метрику'],
    zh: [lab9('使用自动跃点数')],
    ja: ['自動メトリックを使用する'],
  },
} as const satisfies LabelTable<string>

/** The title line of `show interface`, as the text around the alias, with the source when one shows it. */
export const INTERFACE_TITLES: Readonly<Record<Language, ReadonlyArray<readonly [prefix: string, suffix: string, seen?: EvidenceId]>>> = {
  en: [['Interface ', ' Parameters', 'netsh-win10-wslroutesvc-go-test']],
  de: [['Schnittstellenparameter für ', ''], ['Schnittstelle ', ' Parameter']],
  fr: [["Paramètres de l'interface ", '']],
  es: [['Parámetros de la interfaz ', '']],
  ru: [['Параметры интерфейса ', '', 'netsh-ru-vpn-client-partial']],
  zh: [['接口 ', ' 参数', 'netsh-zh-cn-lab9-wlan']],
  ja: [['インターフェイス ', ' のパラメーター']],
}

/** Values of the interface block. enabled/disabled stayed English on the zh and ru captures; the translations are guesses. */
export const ENABLED_VALUES = {
  enabled: {en: [wsl('enabled')], de: ['aktiviert'], fr: ['activé'], es: ['habilitado'], ru: ['включено'], zh: ['已启用'], ja: ['有効']},
  disabled: {en: [wsl('disabled')], de: ['deaktiviert'], fr: ['désactivé'], es: ['deshabilitado'], ru: ['отключено'], zh: ['已禁用'], ja: ['無効']},
} as const satisfies LabelTable<string>

/** Interface State; `connected`/`disconnected` stayed English in every capture (en, zh, ru, ja, fr). */
export const CONNECTED_VALUES = {
  connected: {en: [wsl('connected')], de: ['verbunden'], fr: ['connecté'], es: ['conectado'], ru: ['подключено'], zh: ['已连接'], ja: ['接続']},
  disconnected: {
    en: [seen('disconnected', 'netsh-win10-wsl-anyconnect')],
    de: ['getrennt'],
    fr: ['déconnecté'],
    es: ['desconectado'],
    ru: ['отключено', 'отключен'],
    zh: ['已断开连接'],
    ja: ['切断'],
  },
} as const satisfies LabelTable<string>

/** Yes/No of rule `Enabled` and config `DHCP enabled`. */
export const YES_NO_VALUES = {
  yes: {
    en: [seen('Yes', 'netsh-dcos-admin-router-rule')],
    de: [seen('Ja', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Oui', 'netsh-fr-system-info-collector-rules')],
    es: ['Sí', 'Si'],
    ru: [seen('Да', 'ru-rule-tests')],
    zh: [seen('是', 'netsh-zh-cn-ws2022-core-config')],
    ja: [seen('はい', 'ja-inetfw-netsh-pl')],
  },
  no: {
    en: [wsl('No')],
    de: ['Nein'],
    fr: [seen('Non', 'netsh-fr-system-info-collector-rules')],
    es: ['No'],
    ru: ['Нет'],
    zh: [seen('否', 'netsh-zh-cn-ws2022-core-config')],
    ja: [seen('いいえ', 'ja-inetfw-netsh-pl')],
  },
} as const satisfies LabelTable<string>

/**
 * advfirewall profile `State`. ON is the verb "enable" in several languages (`ВКЛЮЧИТЬ`, `ACTIVAR`,
 * `启用`); the OFF spellings of de/fr/es/ru/zh are guesses by the same pattern, so an OFF profile
 * in those languages may read as unknown (a ParseError), never as ON.
 */
export const ON_OFF_VALUES = {
  on: {
    en: [seen('ON', 'netsh-crtp-lab-currentprofile')],
    de: [seen('EIN', 'de-aquamaint-firewall')],
    fr: [seen('Actif', 'netsh-fr-ynov-tp1-allprofiles')],
    es: [seen('ACTIVAR', 'es-distrivale-remote-access')],
    ru: [seen('ВКЛЮЧИТЬ', 'ru-firewall-check-cp866')],
    zh: [seen('启用', 'netsh-zh-cn-qianxin-proxy-currentprofile')],
    ja: [seen('オン', 'ja-inetfw-netsh-pl')],
  },
  off: {
    en: [seen('OFF', 'netsh-htb-academy-allprofiles-off')],
    de: ['AUS'],
    fr: ['Inactif'],
    es: ['DESACTIVAR'],
    ru: ['ОТКЛЮЧИТЬ', 'ВЫКЛЮЧИТЬ'],
    zh: ['禁用', '关闭'],
    ja: [seen('オフ', 'ja-inetfw-netsh-pl')],
  },
} as const satisfies LabelTable<string>

/** Rule `Direction`. German prints `Aus` for Out (so In is likely `Ein`); the French `Actif` for In is only a reproduction's. */
export const DIRECTION_VALUES = {
  Inbound: {
    en: [seen('In', 'netsh-dcos-admin-router-rule')],
    de: ['Ein', 'Eingehend'],
    fr: [seen('Actif', 'netsh-fr-system-info-collector-rules'), 'Entrée'],
    es: ['Entrada'],
    ru: [seen('Входящие', 'ru-rule-tests'), 'Входящее'],
    zh: [seen('入', 'zh-rule-tests'), seen('入站', 'zh-rule-readme-examples')],
    ja: [seen('入力', 'ja-inetfw-netsh-pl')],
  },
  Outbound: {
    en: [seen('Out', 'ja-inetfw-netsh-pl')],
    de: [seen('Aus', 'netsh-de-dayz-server-manager-rule'), 'Ausgehend'],
    fr: ['Sortie'],
    es: ['Salida'],
    ru: [seen('Исходящие', 'ru-rule-tests'), 'Исходящее'],
    zh: ['出', '出站'],
    ja: [seen('出力', 'ja-inetfw-netsh-pl')],
  },
} as const satisfies LabelTable<string>

export const ACTION_VALUES = {
  Allow: {
    en: [seen('Allow', 'netsh-dcos-admin-router-rule')],
    de: [seen('Zulassen', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Autoriser', 'netsh-fr-system-info-collector-rules')],
    es: ['Permitir'],
    ru: [seen('Разрешить', 'ru-rule-tests')],
    zh: [seen('允许', 'zh-rule-tests')],
    ja: [seen('許可', 'ja-inetfw-netsh-pl')],
  },
  Block: {
    en: [seen('Block', 'ja-inetfw-netsh-pl')],
    de: ['Blockieren'],
    fr: [seen('Bloquer', 'netsh-fr-system-info-collector-rules')],
    es: ['Bloquear'],
    ru: [seen('Блокировать', 'ru-rule-tests')],
    zh: [seen('阻止', 'zh-rule-tests')],
    ja: [seen('ブロック', 'ja-inetfw-netsh-pl')],
  },
  // Bypass (authenticated bypass) lets matching traffic through like Allow.
  Bypass: {
    en: [seen('Bypass', 'ja-inetfw-netsh-pl')],
    de: ['Umgehen'],
    fr: ['Contourner'],
    es: ['Omitir'],
    ru: ['Обход'],
    zh: ['绕过'],
    ja: [seen('バイパス', 'ja-inetfw-netsh-pl')],
  },
} as const satisfies LabelTable<string>

export const PROFILE_VALUES = {
  Domain: {
    en: [seen('Domain', 'netsh-dcos-admin-router-rule')],
    de: [seen('Domäne', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Domaine', 'netsh-fr-system-info-collector-rules')],
    es: ['Dominio'],
    ru: ['Домен', 'Доменный'],
    zh: [seen('域', 'zh-rule-tests')],
    ja: [seen('ドメイン', 'ja-inetfw-netsh-pl')],
  },
  Private: {
    en: [seen('Private', 'netsh-dcos-admin-router-rule')],
    de: [seen('Privat', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Privé', 'netsh-fr-system-info-collector-rules')],
    es: ['Privado'],
    ru: [seen('Частный', 'ru-rule-tests')],
    zh: [seen('专用', 'zh-rule-tests')],
    ja: [seen('プライベート', 'ja-inetfw-netsh-pl')],
  },
  Public: {
    en: [seen('Public', 'netsh-dcos-admin-router-rule')],
    de: [seen('Öffentlich', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Public', 'netsh-fr-system-info-collector-rules')],
    es: ['Público'],
    ru: ['Общий', 'Общедоступный'],
    zh: [seen('公用', 'zh-rule-tests')],
    ja: [seen('パブリック', 'ja-inetfw-netsh-pl')],
  },
} as const satisfies LabelTable<string>

/** `Any` in rule fields. */
export const ANY_VALUES = {
  Any: {
    en: [seen('Any', 'netsh-dcos-admin-router-rule')],
    de: [seen('Beliebig', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Tout', 'netsh-fr-system-info-collector-rules')],
    es: ['Cualquiera'],
    ru: ['Любой', 'Любые'],
    zh: [seen('任何', 'zh-rule-tests')],
    ja: [seen('任意', 'ja-inetfw-netsh-pl')],
  },
} as const satisfies LabelTable<string>

/** `netsh advfirewall firewall show rule` labels. fr leaves LocalIP/LocalPort/Profiles in English, as zh does LocalIP in one README. */
export const RULE_LABELS = {
  ruleName: {
    en: [seen('Rule Name', 'netsh-dcos-admin-router-rule')],
    de: [seen('Regelname', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Nom de la règle', 'netsh-fr-system-info-collector-rules')],
    es: ['Nombre de regla'],
    ru: [seen('Имя правила', 'ru-rule-tests')],
    zh: [seen('规则名称', 'zh-rule-tests')],
    ja: [seen('規則名', 'ja-inetfw-netsh-pl')],
  },
  enabled: {
    en: [seen('Enabled', 'netsh-dcos-admin-router-rule')],
    de: [seen('Aktiviert', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Activé', 'netsh-fr-system-info-collector-rules')],
    es: ['Habilitado'],
    ru: [seen('Включено', 'ru-rule-tests')],
    zh: [seen('已启用', 'zh-rule-tests'), seen('启用', 'zh-rule-tests')],
    ja: [seen('有効', 'ja-inetfw-netsh-pl')],
  },
  direction: {
    en: [seen('Direction', 'netsh-dcos-admin-router-rule')],
    de: [seen('Richtung', 'netsh-de-dayz-server-manager-rule')],
    fr: ['Sens', seen('Direction', 'netsh-fr-system-info-collector-rules')],
    es: ['Dirección'],
    ru: [seen('Направление', 'ru-rule-tests')],
    zh: [seen('方向', 'zh-rule-tests')],
    ja: [seen('方向', 'ja-inetfw-netsh-pl')],
  },
  profiles: {
    en: [seen('Profiles', 'netsh-dcos-admin-router-rule')],
    de: [seen('Profile', 'netsh-de-dayz-server-manager-rule')],
    fr: ['Profils', seen('Profiles', 'netsh-fr-system-info-collector-rules')],
    es: ['Perfiles'],
    ru: [seen('Профили', 'ru-rule-tests')],
    zh: [seen('配置文件', 'zh-rule-tests')],
    ja: [seen('プロファイル', 'ja-inetfw-netsh-pl')],
  },
  localIp: {
    en: [seen('LocalIP', 'netsh-dcos-admin-router-rule')],
    de: [seen('Lokales IP', 'netsh-de-dayz-server-manager-rule'), 'LokaleIP', 'Lokale IP'],
    fr: ['IP locale', seen('LocalIP', 'netsh-fr-system-info-collector-rules')],
    es: ['IP local'],
    ru: ['Локальный IP-адрес'],
    zh: ['本地 IP', seen('LocalIP', 'zh-rule-readme-examples')],
    ja: [seen('ローカル IP', 'ja-inetfw-netsh-pl')],
  },
  protocol: {
    en: [seen('Protocol', 'netsh-dcos-admin-router-rule')],
    de: [seen('Protokoll', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Protocole', 'netsh-fr-system-info-collector-rules')],
    es: ['Protocolo'],
    ru: [seen('Протокол', 'ru-rule-tests')],
    zh: [seen('协议', 'zh-rule-tests')],
    ja: [seen('プロトコル', 'ja-inetfw-netsh-pl')],
  },
  localPort: {
    en: [seen('LocalPort', 'netsh-dcos-admin-router-rule')],
    de: [seen('Lokaler Port', 'netsh-de-dayz-server-manager-rule')],
    fr: ['Port local', seen('LocalPort', 'netsh-fr-system-info-collector-rules')],
    es: ['Puerto local'],
    ru: [seen('Локальный порт', 'ru-rule-tests')],
    zh: [seen('本地端口', 'zh-rule-tests')],
    ja: [seen('ローカル ポート', 'ja-inetfw-netsh-pl')],
  },
  action: {
    en: [seen('Action', 'netsh-dcos-admin-router-rule')],
    de: [seen('Aktion', 'netsh-de-dayz-server-manager-rule')],
    fr: [seen('Action', 'netsh-fr-system-info-collector-rules')],
    es: ['Acción'],
    ru: [seen('Действие', 'ru-rule-tests')],
    zh: [seen('操作', 'zh-rule-tests')],
    ja: [seen('操作', 'ja-inetfw-netsh-pl')],
  },
} as const satisfies LabelTable<string>

/** advfirewall profile `State` label. Japanese keeps it English. */
export const PROFILE_STATE_LABELS = {
  state: {
    en: [seen('State', 'netsh-htb-academy-allprofiles-off')],
    de: [seen('Status', 'de-aquamaint-firewall')],
    fr: [seen('État', 'netsh-fr-ynov-tp1-allprofiles'), 'Etat'],
    es: [seen('Estado', 'es-distrivale-remote-access')],
    ru: [seen('Состояние', 'ru-firewall-check-cp866')],
    zh: [seen('状态', 'netsh-zh-cn-qianxin-proxy-currentprofile')],
    ja: [seen('State', 'ja-inetfw-netsh-pl'), '状態'],
  },
} as const satisfies LabelTable<string>

/** Legacy `netsh firewall` (XP/2003, still answered up to 2016) `Operational mode`. */
export const LEGACY_LABELS = {
  operationalMode: {
    en: [seen('Operational mode', 'netsh-win2008-iis-webshell-state')],
    de: ['Betriebsmodus'],
    fr: ['Mode opérationnel'],
    es: ['Modo operativo'],
    ru: ['Рабочий режим'],
    zh: [seen('操作模式', 'netsh-zh-cn-win7-firewall-state')],
    ja: ['操作モード'],
  },
} as const satisfies LabelTable<string>

/**
 * Legacy firewall Enable/Disable. French advfirewall prints `Activer`/`Désactiver` for the same
 * words (netsh-fr-ynov-tp1-allprofiles), which makes the fr guesses likely, not verified.
 */
export const ENABLE_VALUES = {
  enable: {
    en: [seen('Enable', 'netsh-win2008-iis-webshell-state')],
    de: ['Aktivieren'],
    fr: ['Activer'],
    es: ['Habilitar'],
    ru: ['Включить'],
    zh: [seen('启用', 'netsh-zh-cn-win7-firewall-state')],
    ja: ['有効'],
  },
  disable: {
    en: [seen('Disable', 'netsh-win2008-iis-webshell-state')],
    de: ['Deaktivieren'],
    fr: ['Désactiver'],
    es: ['Deshabilitar'],
    ru: ['Отключить'],
    zh: [seen('禁用', 'netsh-zh-cn-win7-firewall-state')],
    ja: ['無効'],
  },
} as const satisfies LabelTable<string>

/** Traffic direction column of Vista+ `netsh firewall show portopening`. No capture with the column was found, English included. */
export const LEGACY_DIRECTION_VALUES = {
  inbound: {en: ['Inbound'], de: ['Eingehend'], fr: ['Entrant'], es: ['Entrante'], ru: ['Входящий'], zh: ['入站'], ja: ['受信']},
  outbound: {en: ['Outbound'], de: ['Ausgehend'], fr: ['Sortant'], es: ['Saliente'], ru: ['Исходящий'], zh: ['出站'], ja: ['送信']},
} as const satisfies LabelTable<string>

/** Every table of this module by name, for provenance reports and the label test. */
export const LABEL_TABLES: Readonly<Record<string, LabelTable<string>>> = {
  INTERFACE_LABELS,
  ENABLED_VALUES,
  CONNECTED_VALUES,
  YES_NO_VALUES,
  ON_OFF_VALUES,
  DIRECTION_VALUES,
  ACTION_VALUES,
  PROFILE_VALUES,
  ANY_VALUES,
  RULE_LABELS,
  PROFILE_STATE_LABELS,
  LEGACY_LABELS,
  ENABLE_VALUES,
  LEGACY_DIRECTION_VALUES,
}

/** One spelling of one key in one language, and what shows it (nothing for a guess). */
export interface TermRecord {
  table: string
  key: string
  language: Language
  text: string
  source?: EvidenceId
  kind?: EvidenceKind
}

/** Every spelling of every table, so a report can list what is verified and what is a guess. */
export function termRecords(): TermRecord[] {
  return Object.entries(LABEL_TABLES).flatMap(([table, keys]) =>
    Object.entries(keys).flatMap(([key, spellings]) =>
      LANGUAGES.flatMap((language) =>
        spellings[language].map((term): TermRecord => {
          const record: TermRecord = {table, key, language, text: termText(term)}
          if (typeof term !== 'string') Object.assign(record, {source: term.seen, kind: EVIDENCE[term.seen].kind})
          return record
        }),
      ),
    ),
  )
}

/** Label or value text as compared: NFKC (full-width → ASCII), lower case, single spaces, no trailing colon or dot padding. */
export function normalizeTerm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s.]*:\s*$/, '')
    .replace(/(\s+\.)+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('und')
}

const indexes = new WeakMap<object, Map<string, string>>()

/** The canonical key whose spelling (in any language) is `text`, or undefined. */
export function lookupLabel<K extends string>(table: LabelTable<K>, text: string): K | undefined {
  let index = indexes.get(table)
  if (index === undefined) {
    index = new Map()
    for (const [key, spellings] of Object.entries(table) as Array<[K, Localized]>) {
      for (const language of LANGUAGES) for (const spelling of spellings[language]) index.set(normalizeTerm(termText(spelling)), key)
    }
    indexes.set(table, index)
  }
  return index.get(normalizeTerm(text)) as K | undefined
}
