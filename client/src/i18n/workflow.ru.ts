import { pluralRu as plural } from '@okno/shared';
import type { AnswerState, CloseResult, DepartmentKind, RatingSource, RouteMatch } from '@okno/shared';

const why: Record<RouteMatch, string> = {
  category_territory: 'правило для категории и территории',
  category: 'правило для категории',
  sector_territory: 'правило для отраслевого блока и территории',
  sector: 'правило для отраслевого блока',
  coverage: 'единственный орган, ведающий этим блоком и территорией',
};

const departmentKind: Record<DepartmentKind, string> = {
  admin_unit: 'подразделение администрации',
  municipal_institution: 'муниципальное учреждение',
  resource_supplier: 'ресурсоснабжающая организация',
  management_company: 'управляющая компания',
  regional_body: 'региональный орган',
};

const answerState: Record<AnswerState, string> = {
  draft: 'черновик',
  submitted: 'на проверке',
  returned: 'возвращён на доработку',
  approved: 'одобрен',
};

const closeResult: Record<CloseResult, string> = {
  resolved: 'решено',
  explained: 'дано разъяснение',
  redirected: 'не в компетенции (перенаправлено)',
  duplicate: 'дубликат',
  spam: 'спам / не по теме',
};

const ratingSource: Record<RatingSource, string> = { ingest: 'через интеграцию', call_centre: 'через колл-центр' };

/** Texts of the workflow screens and dialogs (ru). */
export const workflowRu = {
  routing: {
    department: 'Ответственный орган',
    notRouted: 'не направлено',
    suggested: (name: string) => `Рекомендуется: ${name}`,
    why,
    whyLabel: (reason: string) => `основание: ${reason}`,
    noSuggestion: 'Рекомендации нет: правило маршрутизации не найдено',
    route: 'Направить исполнителю',
    reroute: 'Перенаправить',
    routeSuggested: (name: string) => `Направить: ${name}`,
    title: 'Направление исполнителю',
    search: 'Поиск органа',
    searchPlaceholder: 'Начните вводить название…',
    list: 'Органы и организации',
    suggestedMark: '· рекомендуется',
    currentMark: '· сейчас',
    noMatches: 'Ничего не найдено',
    reason: 'Причина перенаправления (обязательно)',
    sameDepartment: 'Запись уже у этого органа',
    hint: '↓ — к списку, Enter — направить, Esc — отмена',
    kind: departmentKind,
  },
  answer: {
    title: 'Ответ заявителю',
    state: answerState,
    returned: (n: number) => `возвращён ${n} ${plural(n, 'раз', 'раза', 'раз')}`,
    returnNote: (name: string, when: string) => `Возвращён на доработку: ${name}, ${when}`,
    sent: (channel: string, when: string) => `одобрен и направлен через «${channel}» ${when}`,
    author: (name: string, when: string) => `${name}, ${when}`,
    text: 'Текст ответа',
    placeholder: 'Текст ответа заявителю…',
    save: 'Сохранить черновик',
    submit: 'Отправить на проверку',
    empty: 'Ответа пока нет',
    unsaved: 'Есть несохранённые изменения',
    fromMain: (id: number) => `Ответ основного сообщения №${id}`,
    textRequired: 'Введите текст ответа',
    unfilled: (fields: string) => `В ответе остались незаполненные поля шаблона: ${fields}. Заполните их перед отправкой.`,
  },
  templates: {
    label: 'Шаблон ответа',
    choose: 'Вставить шаблон…',
    none: 'Шаблонов для этой категории нет',
    failed: 'Не удалось загрузить шаблоны',
  },
  attachments: {
    title: 'Вложения',
    add: 'Прикрепить файл',
    remove: 'Убрать',
    removeFile: (name: string) => `Убрать «${name}»`,
    uploading: (name: string) => `Загрузка «${name}»…`,
    failed: (name: string, message: string) => `Не удалось загрузить «${name}»: ${message}`,
    tooMany: (max: number) => `Не больше ${max} файлов`,
    size: (kb: number) => (kb >= 1024 ? `${(kb / 1024).toFixed(1)} МБ` : `${kb} КБ`),
  },
  review: {
    awaiting: 'Ответ на проверке',
    approve: 'Одобрить и направить',
    return: 'Вернуть на доработку',
    returnTitle: 'Возврат ответа на доработку',
    comment: 'Что исправить (обязательно)',
    commentTooShort: 'Напишите, что исправить — не меньше 3 символов',
    unfilled: (fields: string) => `В ответе остались незаполненные поля шаблона: ${fields}. Верните ответ на доработку.`,
  },
  extension: {
    request: 'Запросить продление',
    title: 'Запрос продления срока',
    hint: 'Продление согласует руководитель или ответственный за отраслевой блок',
    open: (who: string, days: number) => `${who} просит продлить срок на ${days} ${plural(days, 'день', 'дня', 'дней')}`,
    grant: 'Продлить',
    decline: 'Отклонить',
    declineTitle: 'Отклонение запроса продления',
    declineHint: 'Исполнитель увидит причину и сможет запросить продление снова',
    declineReason: 'Причина отказа (обязательно)',
    declineReasonTooShort: 'Укажите причину — не меньше 3 символов',
  },
  close: {
    button: 'Закрыть с результатом',
    title: 'Закрытие с результатом',
    result: 'Результат',
    where: 'Куда перенаправлено (обязательно)',
    whereTooShort: 'Укажите, куда перенаправлено — не меньше 3 символов',
    mainItem: 'Номер основного сообщения',
    mainItemInvalid: 'Укажите номер другого существующего сообщения',
    note: 'Примечание',
    none: 'Закрыть эту запись вам сейчас нельзя',
  },
  closeResult,
  rating: {
    button: 'Оценка заявителя',
    submit: 'Записать оценку',
    title: 'Оценка заявителя',
    score: 'Оценка (1–5)',
    star: (n: number) => `${n} из 5`,
    comment: 'Комментарий заявителя',
    lowHint: 'Оценка 1–2 вернёт запись в работу и уведомит орган',
    label: 'Оценка заявителя',
    value: (score: number, source: string) => `${score} из 5, ${source}`,
  },
  ratingSource,
  outcome: {
    result: 'Результат',
    mergedInto: 'Объединено с',
    duplicates: 'Дубликаты',
  },
};
