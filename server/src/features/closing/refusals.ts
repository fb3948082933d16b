import { AppError, type CloseRefusal, type RatingRefusal } from '@okno/shared';

const CLOSE_REFUSALS: Record<CloseRefusal, [AppError['code'], string]> = {
  forbidden_role: ['forbidden', 'Недостаточно прав, чтобы закрыть сообщение с таким результатом'],
  wrong_status: ['invalid_transition', 'С таким результатом сообщение в этом статусе не закрывается'],
  merged: ['invalid_transition', 'Запись уже объединена с другой и следует за ней'],
  no_answer: ['invalid_transition', 'Закрыть как «решено» или «разъяснено» можно только после одобренного ответа'],
  note_required: ['validation', 'Укажите, куда перенаправлено обращение'],
  main_required: ['validation', 'Укажите основное сообщение, с которым объединить дубликат'],
  main_is_self: ['validation', 'Запись не может быть дубликатом самой себя'],
  main_closed: ['invalid_transition', 'Основное сообщение закрыто или само объединено с другим'],
  main_is_follower: ['invalid_transition', 'Основное сообщение само объединено с этим — выберите другое'],
};

const RATING_REFUSALS: Record<RatingRefusal, [AppError['code'], string]> = {
  forbidden_role: ['forbidden', 'Оценку заявителя вносит оператор колл-центра, ответственный за ПОС или руководитель'],
  wrong_status: ['invalid_transition', 'Оценить можно только сообщение с направленным ответом'],
  no_answer: ['invalid_transition', 'По сообщению нет одобренного ответа — оценивать нечего'],
  already_rated: ['duplicate', 'Этот ответ уже оценён'],
};

/** Throws the worded refusal of a closing rule, if any. */
export function refuseClose(refusal: CloseRefusal | null): void {
  if (!refusal) return;
  const [code, message] = CLOSE_REFUSALS[refusal];
  throw new AppError(code, message, { reason: refusal });
}

/** Throws the worded refusal of a rating rule, if any. */
export function refuseRating(refusal: RatingRefusal | null): void {
  if (!refusal) return;
  const [code, message] = RATING_REFUSALS[refusal];
  throw new AppError(code, message, { reason: refusal });
}
