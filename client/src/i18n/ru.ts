import type { Channel, EscalationLevel, ItemKind, ItemStatus, Role, Sector } from '@okno/shared';

/** Russian plural form: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25…). */
function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const role: Record<Role, string> = {
  curator: 'Куратор',
  head: 'Руководитель',
  deputy_head: 'Заместитель руководителя',
  secretary: 'Секретарь',
  sector_lead: 'Ответственный за отраслевой блок',
  operator: 'Оператор',
  smm_officer: 'Ответственный за «Инцидент Менеджмент»',
  pos_officer: 'Ответственный за ПОС',
  analyst: 'Аналитик',
  executor: 'Представитель органа',
  member: 'Член МЦУ',
  admin: 'Администратор',
};

const sector: Record<Sector, string> = {
  housing: 'ЖКХ',
  waste: 'ТКО',
  energy: 'Энергетика',
  education: 'Образование',
  health: 'Здравоохранение',
  roads: 'Дороги',
  transport: 'Транспорт',
  social: 'Соцзащита',
  other: 'Прочее',
};

const kind: Record<ItemKind, string> = {
  incident: 'Инцидент',
  message: 'Сообщение',
  appeal: 'Обращение',
};

const channel: Record<Channel, string> = {
  vk: 'ВКонтакте',
  ok: 'Одноклассники',
  telegram: 'Telegram',
  other_social: 'Прочие соцсети',
  pos: 'ПОС',
  call_centre: 'Колл-центр',
  regional_platform: 'Рег. платформа',
  email: 'Письменно',
};

const status: Record<ItemStatus, string> = {
  new: 'Новое',
  in_work: 'В работе',
  routed: 'У исполнителя',
  answer_review: 'Ответ на проверке',
  answered: 'Ответ направлен',
  closed: 'Закрыто',
};

const level: Record<EscalationLevel, string> = {
  operator: 'Оператор',
  sector_lead: 'Отраслевой блок',
  head: 'Руководитель',
  curator: 'Куратор',
};

export const ru = {
  app: { name: 'Окно', subtitle: 'Центр управления регионом' },
  role,
  sector,
  kind,
  channel,
  status,
  level,
  common: {
    close: 'Закрыть',
    cancel: 'Отмена',
    none: '—',
    notSet: 'не указано',
    all: 'Все',
    loading: 'Загрузка…',
    retry: 'Повторить',
    unknownError: 'Не удалось выполнить действие',
    networkError: 'Нет связи с сервером',
    sessionExpired: 'Сессия истекла, войдите снова',
  },
  login: {
    title: 'Вход в систему',
    login: 'Логин',
    password: 'Пароль',
    submit: 'Войти',
    submitting: 'Вход…',
    failed: 'Неверный логин или пароль',
    rateLimited: 'Слишком много попыток. Подождите и попробуйте снова',
    demoHint: 'Демонстрационные учётные записи перечислены в README (например, operator1 / okno-demo).',
  },
  header: {
    logout: 'Выйти',
    online: (n: number) => `В сети: ${n}`,
    onlineTitle: 'Сейчас в системе',
    outbox: (n: number) => `ожидает отправки: ${n}`,
    language: 'Язык',
  },
  connection: {
    connected: 'Подключено',
    reconnecting: 'Переподключение…',
    offline: 'Нет связи',
  },
  queue: {
    title: 'Очередь',
    loading: 'Загрузка очереди…',
    empty: 'Очередь пуста',
    emptyFiltered: 'Нет записей по выбранным фильтрам',
    resetFilters: 'Сбросить фильтры',
    shown: (shown: number, total: number) => `Показано ${shown} из ${total}`,
    searchPlaceholder: 'Поиск по тексту и адресу  ( / )',
    mine: 'Мои',
    unassigned: 'Без исполнителя',
    noAccess: 'Ваша роль не предусматривает работу с очередью',
    col: {
      id: '№',
      receivedAt: 'Поступило',
      kind: 'Тип',
      channel: 'Канал',
      title: 'Суть',
      sector: 'Блок',
      category: 'Категория',
      territory: 'Территория',
      status: 'Статус',
      assignee: 'Исполнитель',
      escalation: 'Уровень',
      viewers: 'Смотрят',
    },
  },
  item: {
    loading: 'Загрузка карточки…',
    notFound: 'Запись не найдена или недоступна',
    source: 'Источник',
    link: 'Открыть оригинал',
    author: 'Автор',
    address: 'Адрес',
    kind: 'Тип',
    sector: 'Отраслевой блок',
    category: 'Категория',
    territory: 'Территория',
    status: 'Статус',
    assignee: 'Исполнитель',
    escalation: 'Уровень эскалации',
    received: 'Поступило',
    due: 'Срок ответа',
    risk: { on_time: 'в срок', at_risk: 'под угрозой', overdue: 'просрочено' },
    claim: 'Взять в работу',
    release: 'Освободить',
    escalate: 'Эскалировать',
    escalateTitle: 'Эскалация',
    escalateTo: (to: string) => `Передать на уровень: ${to}`,
    escalateTop: 'Достигнут верхний уровень эскалации',
    reason: 'Причина (обязательно)',
    reasonTooShort: 'Укажите причину — не меньше 3 символов',
    viewers: (names: string) => `Сейчас смотрят: ${names}`,
    timeline: 'Ход работы',
    timelineEmpty: 'Событий пока нет',
    comment: 'Комментарий',
    commentPlaceholder: 'Написать комментарий… (Ctrl+Enter — отправить)',
    commentSubmit: 'Отправить',
    pending: 'ожидает отправки',
    sending: 'отправляется…',
    close: 'Закрыть карточку',
    readOnly: 'Только просмотр',
    changeStatus: 'Сменить…',
  },
  event: {
    created: 'Поступило в очередь',
    claimed: (assignee: string) => `Взято в работу: ${assignee}`,
    released: 'Освобождено',
    releasedFrom: (previous: string) => `Освобождено (было у: ${previous})`,
    commented: 'Комментарий',
    categorised: (what: string) => `Категория изменена: ${what}`,
    statusChanged: (from: string, to: string) => `Статус: ${from} → ${to}`,
    escalated: (from: string, to: string) => `Эскалация: ${from} → ${to}`,
    escalatedAuto: (from: string, to: string) => `Автоэскалация по сроку: ${from} → ${to}`,
    deescalated: (from: string, to: string) => `Возвращено на уровень ниже: ${from} → ${to}`,
    riskChanged: (from: string, to: string) => `Срок: ${from} → ${to}`,
    extended: (days: number) => `Срок продлён на ${days} ${plural(days, 'день', 'дня', 'дней')}`,
    interimAnswered: 'Дан промежуточный ответ',
    reason: (reason: string) => `Причина: ${reason}`,
    system: 'Система',
  },
  toast: {
    refused: (action: string, message: string) => `${action}: ${message}`,
    queuedOffline: 'Нет связи: действие сохранено и будет отправлено после подключения',
    restored: (n: number) =>
      `${n} ${plural(n, 'действие ожидает', 'действия ожидают', 'действий ожидают')} отправки с прошлого сеанса`,
    reloaded: 'Очередь перезагружена с сервера',
  },
  action: {
    'item:claim': 'Взять в работу',
    'item:release': 'Освободить',
    'item:comment': 'Комментарий',
    'item:categorise': 'Категоризация',
    'item:status': 'Смена статуса',
    'item:escalate': 'Эскалация',
  },
  shortcuts: {
    title: 'Клавиши',
    next: 'Следующая запись',
    prev: 'Предыдущая запись',
    open: 'Открыть запись',
    claim: 'Взять в работу',
    search: 'Поиск',
    help: 'Эта подсказка',
    escape: 'Закрыть карточку / подсказку',
  },
  time: {
    justNow: 'только что',
    minutesAgo: (n: number) => `${n} мин назад`,
    hoursAgo: (n: number) => `${n} ч назад`,
    daysAgo: (n: number) => `${n} ${plural(n, 'день', 'дня', 'дней')} назад`,
  },
};

/** The dictionary shape every locale must provide. */
export type Dict = typeof ru;
