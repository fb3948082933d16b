/** Russian plural form: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25…). */
function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** Texts of the collab screens and dialogs (ru): mentions, typing, saved views, bulk actions, shortcuts. */
export const collabRu = {
  typing: {
    comment: (names: string, several: boolean) => `${names} ${several ? 'печатают' : 'печатает'} комментарий…`,
    answer: (names: string, several: boolean) => `${names} ${several ? 'печатают' : 'печатает'} ответ…`,
    and: ' и ',
  },
  mentions: {
    list: 'Упомянуть сотрудника',
    hint: '@ — упомянуть сотрудника',
  },
  views: {
    button: 'Виды',
    title: 'Сохранённые виды',
    mine: 'Мои виды',
    shared: 'Общие виды',
    empty: 'Сохранённых видов пока нет',
    loading: 'Загрузка видов…',
    current: 'текущий',
    by: (name: string) => `автор: ${name}`,
    delete: 'Удалить',
    deleteTitle: (name: string) => `Удалить вид «${name}»`,
    confirmDelete: 'Удалить?',
    saveCurrent: 'Сохранить текущие фильтры как вид',
    name: 'Название вида',
    sharedLabel: 'Общий — виден всем сотрудникам',
    save: 'Сохранить',
    saved: (name: string) => `Вид «${name}» сохранён`,
    deleted: (name: string) => `Вид «${name}» удалён`,
    noFilters: 'Фильтры не выбраны: вид покажет всю очередь',
    loadFailed: 'Не удалось загрузить виды',
  },
  bulk: {
    bar: 'Групповые действия',
    selected: (n: number) => `Выбрано: ${n}`,
    claim: 'Взять в работу',
    route: 'Направить исполнителю…',
    categorise: 'Категория…',
    duplicate: 'Закрыть как дубликаты…',
    clear: 'Снять выбор',
    running: 'Выполняется…',
    routeTitle: (n: number) => `Направить ${n} ${plural(n, 'сообщение', 'сообщения', 'сообщений')}`,
    routeSuggested: 'Каждое — в рекомендованный орган',
    department: 'Орган или организация',
    reason: 'Причина (нужна при перенаправлении)',
    categoriseTitle: (n: number) => `Категория для ${n} ${plural(n, 'сообщения', 'сообщений', 'сообщений')}`,
    sector: 'Отраслевой блок',
    category: 'Категория',
    noCategory: '(без категории)',
    duplicateTitle: (n: number) => `Закрыть ${n} ${plural(n, 'сообщение', 'сообщения', 'сообщений')} как дубликаты`,
    mainItem: 'Номер основного сообщения',
    routeSubmit: 'Направить',
    categoriseSubmit: 'Изменить категорию',
    duplicateSubmit: 'Закрыть как дубликаты',
    resultTitle: 'Результат группового действия',
    action: {
      claim: 'Взятие в работу',
      route: 'Направление исполнителю',
      categorise: 'Смена категории',
      close_duplicate: 'Закрытие как дубликат',
    },
    succeeded: (n: number) => `Выполнено: ${n}`,
    refused: (n: number) => `Отказано: ${n}`,
    itemNo: (id: number) => `№${id}`,
    failed: (message: string) => `Групповое действие не выполнено: ${message}`,
    offline: 'Нет связи с сервером: групповые действия выполняются только при подключении',
  },
  shortcuts: {
    group: { move: 'Перемещение', select: 'Выбор строк', act: 'Действия с записью', other: 'Прочее' },
    select: 'Отметить строку',
    range: 'Отметить диапазон строк',
    selectAll: 'Отметить все показанные строки',
    route: 'Направить исполнителю',
    escalate: 'Эскалировать',
    comment: 'Написать комментарий',
    views: 'Сохранённые виды',
    escape: 'Закрыть карточку / подсказку, снять выбор',
    send: 'Отправить комментарий',
    mention: 'Упомянуть сотрудника в комментарии',
    click: 'щелчок',
    space: 'Пробел',
  },
};
