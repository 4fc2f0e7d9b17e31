/* pw-answer.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-answer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-enums.h"
#include "pw-answer.h"
#include "pw-json-util-private.h"
#include "pw-utils-private.h"

/**
 * PwAnswer:
 *
 * One answer to one question of an assessment: the chosen option (a phase
 * from 1 to 5), “don’t know” or “not applicable”, with a note and evidence.
 */
struct _PwAnswer
{
  GObject parent_instance;

  char *question_id;
  PwAnswerKind kind;
  int phase;
  char *note;
  char *evidence;
};

G_DEFINE_FINAL_TYPE (PwAnswer, pw_answer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUESTION_ID,
  PROP_KIND,
  PROP_PHASE,
  PROP_NOTE,
  PROP_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_answer_finalize (GObject *object)
{
  PwAnswer *self = (PwAnswer *)object;

  g_clear_pointer (&self->question_id, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->evidence, g_free);

  G_OBJECT_CLASS (pw_answer_parent_class)->finalize (object);
}

static void
pw_answer_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PwAnswer *self = PW_ANSWER (object);

  switch (prop_id)
    {
    case PROP_QUESTION_ID:
      g_value_set_string (value, self->question_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PHASE:
      g_value_set_int (value, self->phase);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_answer_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PwAnswer *self = PW_ANSWER (object);

  switch (prop_id)
    {
    case PROP_QUESTION_ID:
      self->question_id = g_value_get_string (value) ? g_value_dup_string (value) : NULL;
      break;

    case PROP_KIND:
      pw_answer_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_PHASE:
      pw_answer_set_phase (self, g_value_get_int (value));
      break;

    case PROP_NOTE:
      pw_answer_set_note (self, g_value_get_string (value));
      break;

    case PROP_EVIDENCE:
      pw_answer_set_evidence (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_answer_class_init (PwAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_answer_finalize;
  object_class->get_property = pw_answer_get_property;
  object_class->set_property = pw_answer_set_property;

  properties [PROP_QUESTION_ID] =
    g_param_spec_string ("question-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PW_TYPE_ANSWER_KIND, PW_ANSWER_NONE,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_PHASE] =
    g_param_spec_int ("phase", NULL, NULL,
                      0, 5, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_answer_init (PwAnswer *self)
{
}

PwAnswer *
pw_answer_new (const char *question_id)
{
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_object_new (PW_TYPE_ANSWER, "question-id", question_id, NULL);
}

/**
 * pw_answer_choose:
 * @phase: the phase of the chosen option, 1 to 5
 *
 * Chooses an option; the answer becomes %PW_ANSWER_OPTION.
 */
void
pw_answer_choose (PwAnswer *self,
                  int       phase)
{
  g_return_if_fail (PW_IS_ANSWER (self));
  g_return_if_fail (phase >= 1 && phase <= PW_N_PHASES);

  g_object_freeze_notify (G_OBJECT (self));
  pw_answer_set_phase (self, phase);
  pw_answer_set_kind (self, PW_ANSWER_OPTION);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * pw_answer_is_answered:
 * @answer: (nullable): an answer, or %NULL for a question without one
 *
 * The one definition of an answered question: an option, “don’t know” or
 * “not applicable”; a note or evidence alone is not an answer.
 *
 * Returns: %TRUE when @answer answers its question
 */
gboolean
pw_answer_is_answered (PwAnswer *answer)
{
  g_return_val_if_fail (answer == NULL || PW_IS_ANSWER (answer), FALSE);

  return answer != NULL && answer->kind != PW_ANSWER_NONE;
}

/**
 * pw_answer_is_counted:
 *
 * Returns: %TRUE when the answer counts in the score (an option was chosen)
 */
gboolean
pw_answer_is_counted (PwAnswer *self)
{
  g_return_val_if_fail (PW_IS_ANSWER (self), FALSE);

  return self->kind == PW_ANSWER_OPTION && self->phase >= 1;
}

/**
 * pw_answer_is_empty:
 *
 * Returns: %TRUE when nothing was entered: no choice, no note, no evidence
 */
gboolean
pw_answer_is_empty (PwAnswer *self)
{
  g_return_val_if_fail (PW_IS_ANSWER (self), TRUE);

  return self->kind == PW_ANSWER_NONE
         && (self->note == NULL || *self->note == '\0')
         && (self->evidence == NULL || *self->evidence == '\0')
         && _pw_json_get_unknown (self) == NULL;
}

/**
 * pw_answer_copy_from:
 *
 * Sets every field of @self to those of @other (used by undo).
 */
void
pw_answer_copy_from (PwAnswer *self,
                     PwAnswer *other)
{
  g_return_if_fail (PW_IS_ANSWER (self));
  g_return_if_fail (PW_IS_ANSWER (other));

  g_object_freeze_notify (G_OBJECT (self));
  pw_answer_set_kind (self, other->kind);
  pw_answer_set_phase (self, other->phase);
  pw_answer_set_note (self, other->note);
  pw_answer_set_evidence (self, other->evidence);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
pw_answer_get_question_id (PwAnswer *self)
{
  g_return_val_if_fail (PW_IS_ANSWER (self), NULL);

  return self->question_id;
}

PwAnswerKind
pw_answer_get_kind (PwAnswer *self)
{
  g_return_val_if_fail (PW_IS_ANSWER (self), 0);

  return self->kind;
}

void
pw_answer_set_kind (PwAnswer     *self,
                    PwAnswerKind  kind)
{
  g_return_if_fail (PW_IS_ANSWER (self));

  if (self->kind == kind)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->kind = kind;
  if (kind != PW_ANSWER_OPTION)
    pw_answer_set_phase (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
  g_object_thaw_notify (G_OBJECT (self));
}

int
pw_answer_get_phase (PwAnswer *self)
{
  g_return_val_if_fail (PW_IS_ANSWER (self), 0);

  return self->phase;
}

void
pw_answer_set_phase (PwAnswer *self,
                     int       phase)
{
  g_return_if_fail (PW_IS_ANSWER (self));
  g_return_if_fail (phase >= 0 && phase <= 5);

  if (self->phase == phase)
    return;

  self->phase = phase;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHASE]);
}

const char *
pw_answer_get_note (PwAnswer *self)
{
  g_return_val_if_fail (PW_IS_ANSWER (self), NULL);

  return self->note;
}

void
pw_answer_set_note (PwAnswer   *self,
                    const char *note)
{
  g_return_if_fail (PW_IS_ANSWER (self));

  if (_pw_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}

const char *
pw_answer_get_evidence (PwAnswer *self)
{
  g_return_val_if_fail (PW_IS_ANSWER (self), NULL);

  return self->evidence;
}

void
pw_answer_set_evidence (PwAnswer   *self,
                        const char *evidence)
{
  g_return_if_fail (PW_IS_ANSWER (self));

  if (_pw_set_str (&self->evidence, evidence))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EVIDENCE]);
}

