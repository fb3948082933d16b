import { AppError, type AnswerRefusal } from '@okno/shared';

const ANSWER_REFUSALS: Record<AnswerRefusal, [AppError['code'], string]> = {
  not_answerer: ['forbidden', 'Ответ готовит исполнитель органа, которому направлено сообщение, или сотрудник центра'],
  not_reviewer: ['forbidden', 'Проверять ответы может оператор или руководитель'],
  not_executor: ['forbidden', 'Продление запрашивает исполнитель органа, которому направлено сообщение'],
  merged: ['invalid_transition', 'Сообщение объединено с основным: ответ даётся по основному сообщению'],
  wrong_status: ['invalid_transition', 'Сообщение сейчас не на этом шаге работы над ответом'],
  no_answer: ['validation', 'Сначала сохраните текст ответа'],
  own_answer: ['forbidden', 'Свой собственный ответ проверяет другой сотрудник'],
};

/** Throws the worded refusal of an answer rule, if any. */
export function refuseAnswer(refusal: AnswerRefusal | null, details?: Record<string, unknown>): void {
  if (!refusal) return;
  const [code, message] = ANSWER_REFUSALS[refusal];
  throw new AppError(code, message, { reason: refusal, ...details });
}
