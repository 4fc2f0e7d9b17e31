/* pw-answer-history.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-answer-history"

#include "config.h"

#include "pw-answer-history.h"

/**
 * PwAnswerHistory:
 *
 * Undo and redo of the answers of one workbook.
 *
 * The history watches every assessment of the workbook, those there at
 * creation and those added later, through #PwAssessment::changed, and
 * keeps the last known state of every answer (choice, phase, note,
 * evidence), so that each change becomes an entry {assessment, question,
 * state before, state after}.
 *
 * Typing is one step: consecutive changes of the same answer that only
 * touch its note (or only its evidence), each within
 * %PW_ANSWER_HISTORY_COALESCE_USEC of the previous one, merge into one
 * entry.  Choosing an option, “don’t know” or “not applicable” is always a
 * step of its own.  A new change after an undo drops what could be
 * redone.  At most %PW_ANSWER_HISTORY_MAX_ENTRIES steps are kept.
 *
 * Undo and redo set the answer through the model, so the workbook becomes
 * modified, and are not recorded themselves.  Steps of an assessment that
 * was removed from the workbook are dropped.
 *
 * The state of an answer that existed before the history was created is
 * known for the questions of the workbook's framework; an answer to a
 * question the framework does not have counts as empty until it changes.
 */
struct _PwAnswerHistory
{
  GObject               parent_instance;

  PwWorkbook           *workbook;
  GListModel           *assessments;
  GPtrArray            *mirror;       /* Observed, in the order of the assessments */
  GHashTable           *observed;     /* PwAssessment → Observed (in mirror) */
  GQueue                undo;         /* Entry, newest at the tail */
  GQueue                redo;         /* Entry, next to redo at the tail */
  gpointer              last_entry;   /* the Entry a text change may merge into */
  PwAnswerHistoryClock  clock;
  gpointer              clock_data;
  guint                 applying : 1;
  guint                 can_undo : 1;
  guint                 can_redo : 1;
};

G_DEFINE_FINAL_TYPE (PwAnswerHistory, pw_answer_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  PwAnswerKind  kind;
  int           phase;
  char         *note;
  char         *evidence;
} AnswerState;

/* What a change touched */
typedef enum
{
  CHANGE_CHOICE,
  CHANGE_NOTE,
  CHANGE_EVIDENCE,
  CHANGE_TEXTS,
} ChangeKind;

typedef struct
{
  PwAssessment *assessment;
  char         *question_id;
  AnswerState   before;
  AnswerState   after;
  ChangeKind    change;
  gint64        time;         /* of the last change merged into it */
} Entry;

typedef struct
{
  PwAssessment *assessment;
  gulong        changed_id;
  GHashTable   *states;       /* question id → AnswerState */
} Observed;

static void
answer_state_clear (AnswerState *state)
{
  g_clear_pointer (&state->note, g_free);
  g_clear_pointer (&state->evidence, g_free);
  state->kind = PW_ANSWER_NONE;
  state->phase = 0;
}

static void
answer_state_free (AnswerState *state)
{
  answer_state_clear (state);
  g_free (state);
}

static void
answer_state_set (AnswerState       *dest,
                  const AnswerState *src)
{
  char *note = g_strdup (src->note);
  char *evidence = g_strdup (src->evidence);

  answer_state_clear (dest);
  dest->kind = src->kind;
  dest->phase = src->phase;
  dest->note = note;
  dest->evidence = evidence;
}

static void
answer_state_init_from_answer (AnswerState *state,
                               PwAnswer    *answer)
{
  state->kind = pw_answer_get_kind (answer);
  state->phase = pw_answer_get_phase (answer);
  state->note = g_strdup (pw_answer_get_note (answer));
  state->evidence = g_strdup (pw_answer_get_evidence (answer));
}

/* NULL and "" are the same text: an emptied note is no note. */
static gboolean
text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

static gboolean
answer_state_equal (const AnswerState *a,
                    const AnswerState *b)
{
  return a->kind == b->kind
         && a->phase == b->phase
         && text_equal (a->note, b->note)
         && text_equal (a->evidence, b->evidence);
}

static ChangeKind
classify_change (const AnswerState *before,
                 const AnswerState *after)
{
  gboolean note = !text_equal (before->note, after->note);
  gboolean evidence = !text_equal (before->evidence, after->evidence);

  if (before->kind != after->kind || before->phase != after->phase)
    return CHANGE_CHOICE;
  if (note && !evidence)
    return CHANGE_NOTE;
  if (evidence && !note)
    return CHANGE_EVIDENCE;

  return CHANGE_TEXTS;
}

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->assessment);
  g_clear_pointer (&entry->question_id, g_free);
  answer_state_clear (&entry->before);
  answer_state_clear (&entry->after);
  g_free (entry);
}

static void
observed_free (Observed *observed)
{
  g_clear_signal_handler (&observed->changed_id, observed->assessment);
  g_clear_object (&observed->assessment);
  g_clear_pointer (&observed->states, g_hash_table_unref);
  g_free (observed);
}

static gint64
get_now (PwAnswerHistory *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_get_monotonic_time ();
}

static void
update_state (PwAnswerHistory *self)
{
  gboolean can_undo = !g_queue_is_empty (&self->undo);
  gboolean can_redo = !g_queue_is_empty (&self->redo);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
    }

  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
clear_queue (PwAnswerHistory *self,
             GQueue          *queue)
{
  Entry *entry;

  while ((entry = g_queue_pop_head (queue)) != NULL)
    {
      if (entry == self->last_entry)
        self->last_entry = NULL;
      entry_free (entry);
    }
}

static void
record_change (PwAnswerHistory   *self,
               PwAssessment      *assessment,
               const char        *question_id,
               const AnswerState *before,
               const AnswerState *after)
{
  ChangeKind change = classify_change (before, after);
  Entry *top = g_queue_peek_tail (&self->undo);
  gint64 now = get_now (self);
  Entry *entry;

  clear_queue (self, &self->redo);

  if (top != NULL
      && top == self->last_entry
      && (change == CHANGE_NOTE || change == CHANGE_EVIDENCE)
      && top->change == change
      && top->assessment == assessment
      && g_str_equal (top->question_id, question_id)
      && now - top->time <= PW_ANSWER_HISTORY_COALESCE_USEC)
    {
      answer_state_set (&top->after, after);
      top->time = now;

      /* Typed and erased again: nothing to undo. */
      if (answer_state_equal (&top->before, &top->after))
        {
          g_queue_pop_tail (&self->undo);
          entry_free (top);
          self->last_entry = NULL;
        }

      update_state (self);
      return;
    }

  entry = g_new0 (Entry, 1);
  entry->assessment = g_object_ref (assessment);
  entry->question_id = g_strdup (question_id);
  answer_state_set (&entry->before, before);
  answer_state_set (&entry->after, after);
  entry->change = change;
  entry->time = now;
  g_queue_push_tail (&self->undo, entry);
  self->last_entry = entry;

  while (g_queue_get_length (&self->undo) > PW_ANSWER_HISTORY_MAX_ENTRIES)
    entry_free (g_queue_pop_head (&self->undo));

  update_state (self);
}

static void
assessment_changed_cb (PwAssessment    *assessment,
                       PwAnswer        *answer,
                       PwAnswerHistory *self)
{
  static const AnswerState empty = { PW_ANSWER_NONE, 0, NULL, NULL };
  AnswerState *known;
  AnswerState now = { 0 };
  Observed *observed;
  const char *question_id;

  /* A property of the assessment, not an answer */
  if (answer == NULL)
    return;

  observed = g_hash_table_lookup (self->observed, assessment);
  g_assert (observed != NULL);

  question_id = pw_answer_get_question_id (answer);
  known = g_hash_table_lookup (observed->states, question_id);
  answer_state_init_from_answer (&now, answer);

  /* One edit notifies each property it changed: the first notification
   * already sees them all. */
  if (known != NULL && answer_state_equal (known, &now))
    {
      answer_state_clear (&now);
      return;
    }

  if (!self->applying)
    record_change (self, assessment, question_id, known ? known : &empty, &now);

  if (known == NULL)
    {
      known = g_new0 (AnswerState, 1);
      g_hash_table_insert (observed->states, g_strdup (question_id), known);
    }
  answer_state_clear (known);
  *known = now;
}

static Observed *
observe_assessment (PwAnswerHistory *self,
                    PwAssessment    *assessment)
{
  PwFramework *framework = pw_workbook_get_framework (self->workbook);
  Observed *observed = g_new0 (Observed, 1);

  observed->assessment = g_object_ref (assessment);
  observed->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) answer_state_free);

  for (guint i = 0; i < pw_framework_get_n_dimensions (framework); i++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, i);

      for (guint j = 0; j < dimension->questions->len; j++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, j);
          PwAnswer *answer = pw_assessment_lookup_answer (assessment, question->id);
          AnswerState *state;

          if (answer == NULL)
            continue;

          state = g_new0 (AnswerState, 1);
          answer_state_init_from_answer (state, answer);
          g_hash_table_insert (observed->states, g_strdup (question->id), state);
        }
    }

  observed->changed_id = g_signal_connect (assessment, "changed",
                                           G_CALLBACK (assessment_changed_cb), self);

  return observed;
}

/* Drops the steps of assessments that are no longer in the workbook. */
static void
prune_queue (PwAnswerHistory *self,
             GQueue          *queue)
{
  GList *l = queue->head;

  while (l != NULL)
    {
      GList *next = l->next;
      Entry *entry = l->data;

      if (!g_hash_table_contains (self->observed, entry->assessment))
        {
          if (entry == self->last_entry)
            self->last_entry = NULL;
          g_queue_delete_link (queue, l);
          entry_free (entry);
        }

      l = next;
    }
}

static void
assessments_changed_cb (PwAnswerHistory *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  g_assert (position + removed <= self->mirror->len);

  for (guint i = 0; i < removed; i++)
    {
      Observed *observed = g_ptr_array_index (self->mirror, position + i);

      g_hash_table_remove (self->observed, observed->assessment);
    }
  g_ptr_array_remove_range (self->mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (model, position + i);
      Observed *observed = observe_assessment (self, assessment);

      g_ptr_array_insert (self->mirror, (int) (position + i), observed);
      g_hash_table_insert (self->observed, assessment, observed);
    }

  if (removed > 0)
    {
      prune_queue (self, &self->undo);
      prune_queue (self, &self->redo);
      update_state (self);
    }
}

/* Sets the answer to @state through the model, without recording it. */
static void
apply_state (PwAnswerHistory   *self,
             Entry             *entry,
             const AnswerState *state)
{
  g_autoptr(PwAnswer) wanted = pw_answer_new (entry->question_id);
  PwAnswer *answer = pw_assessment_ensure_answer (entry->assessment, entry->question_id);

  pw_answer_set_kind (wanted, state->kind);
  pw_answer_set_phase (wanted, state->phase);
  pw_answer_set_note (wanted, state->note);
  pw_answer_set_evidence (wanted, state->evidence);

  self->applying = TRUE;
  pw_answer_copy_from (answer, wanted);
  self->applying = FALSE;

  self->last_entry = NULL;
}

static void
pw_answer_history_constructed (GObject *object)
{
  PwAnswerHistory *self = (PwAnswerHistory *)object;
  guint n_items;

  G_OBJECT_CLASS (pw_answer_history_parent_class)->constructed (object);

  g_assert (PW_IS_WORKBOOK (self->workbook));

  self->assessments = g_object_ref (pw_workbook_get_assessments (self->workbook));
  n_items = g_list_model_get_n_items (self->assessments);
  g_signal_connect_object (self->assessments, "items-changed",
                           G_CALLBACK (assessments_changed_cb), self, G_CONNECT_SWAPPED);
  assessments_changed_cb (self, 0, 0, n_items, self->assessments);
}

static void
pw_answer_history_dispose (GObject *object)
{
  PwAnswerHistory *self = (PwAnswerHistory *)object;

  if (self->assessments != NULL)
    g_signal_handlers_disconnect_by_data (self->assessments, self);

  clear_queue (self, &self->undo);
  clear_queue (self, &self->redo);
  if (self->observed != NULL)
    g_hash_table_remove_all (self->observed);
  if (self->mirror != NULL)
    g_ptr_array_set_size (self->mirror, 0);
  g_clear_object (&self->assessments);
  g_clear_object (&self->workbook);

  G_OBJECT_CLASS (pw_answer_history_parent_class)->dispose (object);
}

static void
pw_answer_history_finalize (GObject *object)
{
  PwAnswerHistory *self = (PwAnswerHistory *)object;

  g_clear_pointer (&self->observed, g_hash_table_unref);
  g_clear_pointer (&self->mirror, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_answer_history_parent_class)->finalize (object);
}

static void
pw_answer_history_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PwAnswerHistory *self = PW_ANSWER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_answer_history_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PwAnswerHistory *self = PW_ANSWER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      self->workbook = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_answer_history_class_init (PwAnswerHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_answer_history_constructed;
  object_class->dispose = pw_answer_history_dispose;
  object_class->finalize = pw_answer_history_finalize;
  object_class->get_property = pw_answer_history_get_property;
  object_class->set_property = pw_answer_history_set_property;

  properties [PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL,
                         PW_TYPE_WORKBOOK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PwAnswerHistory:can-undo:
   *
   * Whether pw_answer_history_undo() has a change to revert.
   */
  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  /**
   * PwAnswerHistory:can-redo:
   *
   * Whether pw_answer_history_redo() has a change to apply again.
   */
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_answer_history_init (PwAnswerHistory *self)
{
  self->mirror = g_ptr_array_new_with_free_func ((GDestroyNotify) observed_free);
  self->observed = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * pw_answer_history_new:
 * @workbook: the workbook whose answers are followed
 *
 * Returns: (transfer full): an empty history of @workbook
 */
PwAnswerHistory *
pw_answer_history_new (PwWorkbook *workbook)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);

  return g_object_new (PW_TYPE_ANSWER_HISTORY, "workbook", workbook, NULL);
}

PwWorkbook *
pw_answer_history_get_workbook (PwAnswerHistory *self)
{
  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), NULL);

  return self->workbook;
}

gboolean
pw_answer_history_get_can_undo (PwAnswerHistory *self)
{
  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), FALSE);

  return self->can_undo;
}

gboolean
pw_answer_history_get_can_redo (PwAnswerHistory *self)
{
  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), FALSE);

  return self->can_redo;
}

/* Moves the newest entry of @from whose assessment is still in the
 * workbook to @to, after setting its answer to the state before or after
 * it; entries of removed assessments are dropped on the way. */
static gboolean
move_entry (PwAnswerHistory *self,
            GQueue          *from,
            GQueue          *to,
            gboolean         undo)
{
  Entry *entry;
  gboolean done = FALSE;

  while (!done && (entry = g_queue_pop_tail (from)) != NULL)
    {
      if (!g_hash_table_contains (self->observed, entry->assessment))
        {
          if (entry == self->last_entry)
            self->last_entry = NULL;
          entry_free (entry);
          continue;
        }

      apply_state (self, entry, undo ? &entry->before : &entry->after);
      g_queue_push_tail (to, entry);
      done = TRUE;
    }

  update_state (self);

  return done;
}

/**
 * pw_answer_history_undo:
 *
 * Reverts the newest change.
 *
 * Returns: %TRUE when a change was reverted
 */
gboolean
pw_answer_history_undo (PwAnswerHistory *self)
{
  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), FALSE);

  return move_entry (self, &self->undo, &self->redo, TRUE);
}

/**
 * pw_answer_history_redo:
 *
 * Applies again the change reverted last.
 *
 * Returns: %TRUE when a change was applied again
 */
gboolean
pw_answer_history_redo (PwAnswerHistory *self)
{
  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), FALSE);

  return move_entry (self, &self->redo, &self->undo, FALSE);
}

/**
 * pw_answer_history_clear:
 *
 * Forgets every step, as after loading a workbook.
 */
void
pw_answer_history_clear (PwAnswerHistory *self)
{
  g_return_if_fail (PW_IS_ANSWER_HISTORY (self));

  clear_queue (self, &self->undo);
  clear_queue (self, &self->redo);
  self->last_entry = NULL;
  update_state (self);
}

guint
pw_answer_history_get_n_undo (PwAnswerHistory *self)
{
  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), 0);

  return g_queue_get_length (&self->undo);
}

guint
pw_answer_history_get_n_redo (PwAnswerHistory *self)
{
  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), 0);

  return g_queue_get_length (&self->redo);
}

/**
 * pw_answer_history_get_undo_question:
 *
 * Returns: (nullable): the id of the question whose answer
 *   pw_answer_history_undo() would revert, so that the window can show it
 */
const char *
pw_answer_history_get_undo_question (PwAnswerHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), NULL);

  entry = g_queue_peek_tail (&self->undo);

  return entry ? entry->question_id : NULL;
}

/**
 * pw_answer_history_get_undo_assessment:
 *
 * Returns: (transfer none) (nullable): the assessment of the answer
 *   pw_answer_history_undo() would revert
 */
PwAssessment *
pw_answer_history_get_undo_assessment (PwAnswerHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), NULL);

  entry = g_queue_peek_tail (&self->undo);

  return entry ? entry->assessment : NULL;
}

/**
 * pw_answer_history_get_redo_question:
 *
 * Returns: (nullable): the id of the question whose answer
 *   pw_answer_history_redo() would change again
 */
const char *
pw_answer_history_get_redo_question (PwAnswerHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), NULL);

  entry = g_queue_peek_tail (&self->redo);

  return entry ? entry->question_id : NULL;
}

/**
 * pw_answer_history_get_redo_assessment:
 *
 * Returns: (transfer none) (nullable): the assessment of the answer
 *   pw_answer_history_redo() would change again
 */
PwAssessment *
pw_answer_history_get_redo_assessment (PwAnswerHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (PW_IS_ANSWER_HISTORY (self), NULL);

  entry = g_queue_peek_tail (&self->redo);

  return entry ? entry->assessment : NULL;
}

/**
 * pw_answer_history_set_clock:
 * @clock: (nullable): the clock, or %NULL for g_get_monotonic_time()
 *
 * Replaces the clock that decides whether typing merges into one step;
 * for tests.
 */
void
pw_answer_history_set_clock (PwAnswerHistory      *self,
                             PwAnswerHistoryClock  clock,
                             gpointer              user_data)
{
  g_return_if_fail (PW_IS_ANSWER_HISTORY (self));

  self->clock = clock;
  self->clock_data = user_data;
}
