/* pw-retired-answer.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-retired-answer"

#include "config.h"

#include "pw-retired-answer.h"

/**
 * pw_retired_answer_new:
 * @answer: (transfer none): copied
 *
 * Returns: (transfer full): a new retired answer
 */
PwRetiredAnswer *
pw_retired_answer_new (const char *question_id,
                       const char *framework_version,
                       const char *question,
                       const char *option,
                       PwAnswer   *answer)
{
  PwRetiredAnswer *self = g_new0 (PwRetiredAnswer, 1);

  g_return_val_if_fail (question_id != NULL, NULL);
  g_return_val_if_fail (PW_IS_ANSWER (answer), NULL);

  self->question_id = g_strdup (question_id);
  self->framework_version = g_strdup (framework_version);
  self->question = g_strdup (question);
  self->option = g_strdup (option);
  self->answer = pw_answer_new (question_id);
  pw_answer_copy_from (self->answer, answer);

  return self;
}

PwRetiredAnswer *
pw_retired_answer_copy (const PwRetiredAnswer *retired)
{
  return pw_retired_answer_new (retired->question_id, retired->framework_version,
                                retired->question, retired->option, retired->answer);
}

void
pw_retired_answer_free (PwRetiredAnswer *retired)
{
  if (retired == NULL)
    return;

  g_free (retired->question_id);
  g_free (retired->framework_version);
  g_free (retired->question);
  g_free (retired->option);
  g_clear_object (&retired->answer);
  g_free (retired);
}
