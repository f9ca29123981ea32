/**
 * Localized netsh labels and values, one table per thing the parsers need to recognise.
 * netsh translates labels (`Weak Host Sends` → `弱主机发送`) and some values (`ON` → `ВКЛЮЧИТЬ`,
 * `Yes` → `Ja`), but not all: `IfIndex`, `enabled`/`disabled` and `connected` stayed English on
 * the real zh-CN and ru captures, and `Firewall Policy` values are never translated. Parsers
 * therefore look structure up first and use these tables only where a label or value decides.
 *
 * Provenance: a term is VERIFIED when it was read in real output (fixtures under
 * fixtures/windows/netsh-* or quoted captures named in their SOURCE.md); every other term is a
 * best guess from Microsoft's usual terminology and is listed in `UNVERIFIED` so a report can say
 * so. Lookups are case-, width- (NFKC) and whitespace-insensitive; a trailing colon is ignored.
 *
 * @example
 * lookupLabel(INTERFACE_LABELS, '弱主机发送')      // → 'weakHostSend'
 * lookupLabel(ON_OFF_VALUES, 'ВКЛЮЧИТЬ')           // → 'on'
 */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ru', 'zh', 'ja'] as const
export type Language = (typeof LANGUAGES)[number]

/** For each language, the localized spellings (several where Windows versions differ). */
export type Localized = Readonly<Record<Language, readonly string[]>>
/** Canonical key → its spellings in every language. */
export type LabelTable<K extends string> = Readonly<Record<K, Localized>>

/** `netsh interface ipv4|ipv6 show interface <idx>` labels. Verified: en (wslroutesvc), zh (Lab 9 capture), ru State. */
export const INTERFACE_LABELS = {
  index: {en: ['IfIndex'], de: ['IfIndex'], fr: ['IfIndex'], es: ['IfIndex'], ru: ['IfIndex'], zh: ['IfIndex'], ja: ['IfIndex']},
  state: {en: ['State'], de: ['Status'], fr: ['État', 'Etat'], es: ['Estado'], ru: ['Состояние'], zh: ['状态'], ja: ['状態']},
  metric: {en: ['Metric'], de: ['Metrik'], fr: ['Métrique'], es: ['Métrica'], ru: ['Метрика'], zh: ['跃点数'], ja: ['メトリック']},
  weakHostSend: {
    en: ['Weak Host Sends'],
    de: ['Schwache Hostsendungen', 'Senden über schwachen Host'],
    fr: ["Envois de l'hôte faible", 'Envoi hôte faible'],
    es: ['Envíos de host débil'],
    ru: ['Отправка слабым узлом'],
    zh: ['弱主机发送'],
    ja: ['弱いホストの送信'],
  },
  weakHostReceive: {
    en: ['Weak Host Receives'],
    de: ['Schwache Hostempfänge', 'Empfangen über schwachen Host'],
    fr: ["Réceptions de l'hôte faible", 'Réception hôte faible'],
    es: ['Recepciones de host débil'],
    ru: ['Получение слабым узлом'],
    zh: ['弱主机接收'],
    ja: ['弱いホストの受信'],
  },
  automaticMetric: {
    en: ['Use Automatic Metric'],
    de: ['Automatische Metrik verwenden'],
    fr: ['Utiliser la métrique automatique'],
    es: ['Usar métrica automática'],
    ru: ['Использовать автоматическую метрику'],
    zh: ['使用自动跃点数'],
    ja: ['自動メトリックを使用する'],
  },
} as const satisfies LabelTable<string>

/**
 * The title line of `show interface`, as the text around the alias. Verified: en, zh
 * (`接口 WLAN 参数`), ru (`Параметры интерфейса Ethernet`, the Rust VPN client's sample).
 */
export const INTERFACE_TITLES: Readonly<Record<Language, ReadonlyArray<readonly [prefix: string, suffix: string]>>> = {
  en: [['Interface ', ' Parameters']],
  de: [['Schnittstellenparameter für ', ''], ['Schnittstelle ', ' Parameter']],
  fr: [["Paramètres de l'interface ", '']],
  es: [['Parámetros de la interfaz ', '']],
  ru: [['Параметры интерфейса ', '']],
  zh: [['接口 ', ' 参数']],
  ja: [['インターフェイス ', ' のパラメーター']],
}

/** Values of the interface block. enabled/disabled stayed English on the zh and ru captures. */
export const ENABLED_VALUES = {
  enabled: {en: ['enabled'], de: ['aktiviert'], fr: ['activé'], es: ['habilitado'], ru: ['включено'], zh: ['已启用'], ja: ['有効']},
  disabled: {en: ['disabled'], de: ['deaktiviert'], fr: ['désactivé'], es: ['deshabilitado'], ru: ['отключено'], zh: ['已禁用'], ja: ['無効']},
} as const satisfies LabelTable<string>

export const CONNECTED_VALUES = {
  connected: {en: ['connected'], de: ['verbunden'], fr: ['connecté'], es: ['conectado'], ru: ['подключено'], zh: ['已连接'], ja: ['接続']},
  disconnected: {
    en: ['disconnected'],
    de: ['getrennt'],
    fr: ['déconnecté'],
    es: ['desconectado'],
    ru: ['отключено', 'отключен'],
    zh: ['已断开连接'],
    ja: ['切断'],
  },
} as const satisfies LabelTable<string>

/** Yes/No of rule `Enabled` and config `DHCP enabled`. Verified: en, de (Ja), fr (Oui/Non), zh (是), ja (はい/いいえ). */
export const YES_NO_VALUES = {
  yes: {en: ['Yes'], de: ['Ja'], fr: ['Oui'], es: ['Sí', 'Si'], ru: ['Да'], zh: ['是'], ja: ['はい']},
  no: {en: ['No'], de: ['Nein'], fr: ['Non'], es: ['No'], ru: ['Нет'], zh: ['否'], ja: ['いいえ']},
} as const satisfies LabelTable<string>

/** advfirewall profile `State`. Verified: en ON/OFF, zh 启用, ru ВКЛЮЧИТЬ (read by four unrelated tools). */
export const ON_OFF_VALUES = {
  on: {en: ['ON'], de: ['EIN'], fr: ['ACTIF', 'ACTIVÉ'], es: ['ACTIVADO'], ru: ['ВКЛЮЧИТЬ'], zh: ['启用'], ja: ['オン', '有効']},
  off: {en: ['OFF'], de: ['AUS'], fr: ['INACTIF', 'DÉSACTIVÉ'], es: ['DESACTIVADO'], ru: ['ОТКЛЮЧИТЬ', 'ВЫКЛЮЧИТЬ'], zh: ['关闭', '禁用'], ja: ['オフ', '無効']},
} as const satisfies LabelTable<string>

/** Rule `Direction`. `Aus` (Out) is in a real de capture; fr `Actif` for In is claimed real by its source. */
export const DIRECTION_VALUES = {
  Inbound: {en: ['In'], de: ['Eingehend', 'Ein'], fr: ['Entrée', 'Actif'], es: ['Entrada'], ru: ['Входящие', 'Входящее'], zh: ['入', '入站'], ja: ['入力']},
  Outbound: {en: ['Out'], de: ['Ausgehend', 'Aus'], fr: ['Sortie'], es: ['Salida'], ru: ['Исходящие', 'Исходящее'], zh: ['出', '出站'], ja: ['出力']},
} as const satisfies LabelTable<string>

export const ACTION_VALUES = {
  Allow: {en: ['Allow'], de: ['Zulassen'], fr: ['Autoriser'], es: ['Permitir'], ru: ['Разрешить'], zh: ['允许'], ja: ['許可']},
  Block: {en: ['Block'], de: ['Blockieren'], fr: ['Bloquer'], es: ['Bloquear'], ru: ['Блокировать'], zh: ['阻止'], ja: ['ブロック']},
  // Bypass (authenticated bypass) lets matching traffic through like Allow.
  Bypass: {en: ['Bypass'], de: ['Umgehen'], fr: ['Contourner'], es: ['Omitir'], ru: ['Обход'], zh: ['绕过'], ja: ['バイパス']},
} as const satisfies LabelTable<string>

export const PROFILE_VALUES = {
  Domain: {en: ['Domain'], de: ['Domäne'], fr: ['Domaine'], es: ['Dominio'], ru: ['Домен', 'Доменный'], zh: ['域'], ja: ['ドメイン']},
  Private: {en: ['Private'], de: ['Privat'], fr: ['Privé'], es: ['Privado'], ru: ['Частный'], zh: ['专用'], ja: ['プライベート']},
  Public: {en: ['Public'], de: ['Öffentlich'], fr: ['Public'], es: ['Público'], ru: ['Общий', 'Общедоступный'], zh: ['公用'], ja: ['パブリック']},
} as const satisfies LabelTable<string>

/** `Any` in rule fields. Verified: en, de (Beliebig), fr (Tout), zh (任何). */
export const ANY_VALUES = {
  Any: {en: ['Any'], de: ['Beliebig'], fr: ['Tout'], es: ['Cualquiera'], ru: ['Любой', 'Любые'], zh: ['任何'], ja: ['任意']},
} as const satisfies LabelTable<string>

/** `netsh advfirewall firewall show rule` labels. Verified: en, de, fr, zh; ru/ja/es from tools parsing real output. */
export const RULE_LABELS = {
  ruleName: {en: ['Rule Name'], de: ['Regelname'], fr: ['Nom de la règle'], es: ['Nombre de regla'], ru: ['Имя правила'], zh: ['规则名称'], ja: ['規則名']},
  enabled: {en: ['Enabled'], de: ['Aktiviert'], fr: ['Activé'], es: ['Habilitado'], ru: ['Включено'], zh: ['已启用', '启用'], ja: ['有効']},
  direction: {en: ['Direction'], de: ['Richtung'], fr: ['Sens', 'Direction'], es: ['Dirección'], ru: ['Направление'], zh: ['方向'], ja: ['方向']},
  profiles: {en: ['Profiles'], de: ['Profile'], fr: ['Profils', 'Profiles'], es: ['Perfiles'], ru: ['Профили'], zh: ['配置文件'], ja: ['プロファイル']},
  localIp: {
    en: ['LocalIP'],
    de: ['Lokales IP', 'LokaleIP', 'Lokale IP'],
    fr: ['IP locale', 'LocalIP'],
    es: ['IP local'],
    ru: ['Локальный IP-адрес'],
    zh: ['本地 IP', 'LocalIP'],
    ja: ['ローカル IP'],
  },
  protocol: {en: ['Protocol'], de: ['Protokoll'], fr: ['Protocole'], es: ['Protocolo'], ru: ['Протокол'], zh: ['协议'], ja: ['プロトコル']},
  localPort: {
    en: ['LocalPort'],
    de: ['Lokaler Port'],
    fr: ['Port local', 'LocalPort'],
    es: ['Puerto local'],
    ru: ['Локальный порт'],
    zh: ['本地端口'],
    ja: ['ローカル ポート'],
  },
  action: {en: ['Action'], de: ['Aktion'], fr: ['Action'], es: ['Acción'], ru: ['Действие'], zh: ['操作'], ja: ['操作']},
} as const satisfies LabelTable<string>

/** advfirewall profile `State` label. Verified: en, zh (状态), ru (Состояние). */
export const PROFILE_STATE_LABELS = {
  state: {en: ['State'], de: ['Status'], fr: ['État', 'Etat'], es: ['Estado'], ru: ['Состояние'], zh: ['状态'], ja: ['状態']},
} as const satisfies LabelTable<string>

/** Legacy `netsh firewall` (XP/2003). Only English is verified. */
export const LEGACY_LABELS = {
  operationalMode: {
    en: ['Operational mode'],
    de: ['Betriebsmodus'],
    fr: ['Mode opérationnel'],
    es: ['Modo operativo'],
    ru: ['Рабочий режим'],
    zh: ['操作模式'],
    ja: ['操作モード'],
  },
} as const satisfies LabelTable<string>

export const ENABLE_VALUES = {
  enable: {en: ['Enable'], de: ['Aktivieren'], fr: ['Activer'], es: ['Habilitar'], ru: ['Включить'], zh: ['启用'], ja: ['有効']},
  disable: {en: ['Disable'], de: ['Deaktivieren'], fr: ['Désactiver'], es: ['Deshabilitar'], ru: ['Отключить'], zh: ['禁用'], ja: ['無効']},
} as const satisfies LabelTable<string>

/** Traffic direction column of Vista+ `netsh firewall show portopening`. Only English is verified. */
export const LEGACY_DIRECTION_VALUES = {
  inbound: {en: ['Inbound'], de: ['Eingehend'], fr: ['Entrant'], es: ['Entrante'], ru: ['Входящий'], zh: ['入站'], ja: ['受信']},
  outbound: {en: ['Outbound'], de: ['Ausgehend'], fr: ['Sortant'], es: ['Saliente'], ru: ['Исходящий'], zh: ['出站'], ja: ['送信']},
} as const satisfies LabelTable<string>

/** Which languages each table has seen in real output; the rest of its terms are guesses. */
export const VERIFIED: Readonly<Record<string, readonly Language[]>> = {
  INTERFACE_LABELS: ['en', 'zh'],
  INTERFACE_TITLES: ['en', 'zh', 'ru'],
  ENABLED_VALUES: ['en'],
  CONNECTED_VALUES: ['en'],
  YES_NO_VALUES: ['en', 'de', 'fr'],
  ON_OFF_VALUES: ['en', 'zh', 'ru'],
  DIRECTION_VALUES: ['en', 'de'],
  ACTION_VALUES: ['en', 'de', 'fr'],
  PROFILE_VALUES: ['en', 'de', 'fr'],
  ANY_VALUES: ['en', 'de', 'fr'],
  RULE_LABELS: ['en', 'de', 'fr'],
  PROFILE_STATE_LABELS: ['en', 'zh', 'ru'],
  LEGACY_LABELS: ['en'],
  ENABLE_VALUES: ['en'],
  LEGACY_DIRECTION_VALUES: ['en'],
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
      for (const language of LANGUAGES) for (const spelling of spellings[language]) index.set(normalizeTerm(spelling), key)
    }
    indexes.set(table, index)
  }
  return index.get(normalizeTerm(text)) as K | undefined
}
