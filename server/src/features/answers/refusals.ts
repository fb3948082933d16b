import { AppError, formatPlaceholders, unfilledPlaceholders, type AnswerRefusal } from '@okno/shared';

const ANSWER_REFUSALS: Record<AnswerRefusal, [AppError['code'], string]> = {
  not_answerer: ['forbidden', 'Ответ готовит исполнитель органа, которому направлено сообщение, или сотрудник центра'],
  not_reviewer: ['forbidden', 'Проверять ответы может оператор или руководитель'],
  not_executor: ['forbidden', 'Продление запрашивает исполнитель органа, которому направлено сообщение'],
  merged: ['invalid_transition', 'Запись объединена с основной: ответ даётся по основной записи'],
  wrong_status: ['invalid_transition', 'Запись сейчас не на этом шаге работы над ответом'],
  no_answer: ['validation', 'Сначала сохраните текст ответа'],
  own_answer: ['forbidden', 'Свой собственный ответ проверяет другой сотрудник'],
};

/** Throws the worded refusal of an answer rule, if any. */
export function refuseAnswer(refusal: AnswerRefusal | null, details?: Record<string, unknown>): void {
  if (!refusal) return;
  const [code, message] = ANSWER_REFUSALS[refusal];
  throw new AppError(code, message, { reason: refusal, ...details });
}

/**
 * Throws when the answer still holds template placeholders: the citizen would read «{{адрес}}».
 * The writer fills them in; the reviewer returns the answer for rework.
 */
export function refuseUnfilledPlaceholders(text: string, step: 'submit' | 'approve'): void {
  const placeholders = unfilledPlaceholders(text);
  if (placeholders.length === 0) return;
  const then = step === 'submit' ? 'Заполните их перед отправкой.' : 'Верните ответ исполнителю на доработку.';
  const message = `В ответе остались незаполненные поля шаблона: ${formatPlaceholders(placeholders)}. ${then}`;
  throw new AppError('validation', message, { field: 'text', placeholders });
}
