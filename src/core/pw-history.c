/* pw-history.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-history"

#include "config.h"

#include "pw-history.h"

/**
 * PwHistory:
 *
 * The undo and redo history of one document, for every kind of edit.
 *
 * Producers (the #PwRecorder of a workbook, today) push entries: each
 * entry knows how to set what it changed to its state before or after the
 * change (#PwHistoryEntryClass.apply).  pw_history_undo() applies the
 * newest step backwards and moves it to the redo stack; pw_history_redo()
 * applies it forwards again.  A new entry after an undo drops what could
 * be redone.  At most %PW_HISTORY_MAX_STEPS steps are kept.
 *
 * Typing is one step: an entry pushed within %PW_HISTORY_COALESCE_USEC of
 * the newest one, of the same class, is offered to the newest one's
 * #PwHistoryEntryClass.merge, which takes it in when it continues the same
 * edit.  Only the entry pushed last merges: never one after an undo or
 * redo.  A merged entry that changes nothing any more (typed and erased)
 * is dropped.
 *
 * pw_history_begin_group() and pw_history_end_group() make the entries
 * pushed between them one step, for edits that change several things at
 * once (deleting an assessment unlinks the report drafts that pointed at
 * it).  Groups nest; an empty group leaves no step.
 *
 * While a step is applied, pw_history_get_applying() is %TRUE: the changes
 * it makes are the history's own, and producers must not record them.
 * Entries pushed meanwhile are dropped.
 */
struct _PwHistory
{
  GObject         parent_instance;

  GQueue          undo;         /* PwHistoryEntry, newest at the tail */
  GQueue          redo;         /* PwHistoryEntry, the next to redo at the tail */
  PwHistoryEntry *last;         /* the newest step, while it may still merge */
  PwHistoryEntry *group;        /* the open group, or NULL */
  guint           group_depth;
  PwHistoryClock  clock;
  gpointer        clock_data;
  guint           applying : 1;
  guint           can_undo : 1;
  guint           can_redo : 1;
};

G_DEFINE_FINAL_TYPE (PwHistory, pw_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Entries */

static void
group_apply (PwHistoryEntry *entry,
             gboolean        forward)
{
  GPtrArray *children = entry->children;

  if (forward)
    {
      for (guint i = 0; i < children->len; i++)
        {
          PwHistoryEntry *child = g_ptr_array_index (children, i);

          child->klass->apply (child, TRUE);
        }
    }
  else
    {
      for (guint i = children->len; i > 0; i--)
        {
          PwHistoryEntry *child = g_ptr_array_index (children, i - 1);

          child->klass->apply (child, FALSE);
        }
    }
}

static const PwHistoryEntryClass group_class = {
  sizeof (PwHistoryEntry),
  group_apply,
  NULL,
  NULL,
  NULL,
};

/**
 * pw_history_entry_new:
 * @klass: the kind of entry: its size and functions
 * @label: (nullable): what it changes, for people
 *
 * Returns: (transfer full): a new entry of @klass->size bytes, zeroed but
 *   for its #PwHistoryEntry part
 */
gpointer
pw_history_entry_new (const PwHistoryEntryClass *klass,
                      const char                *label)
{
  PwHistoryEntry *entry;

  g_return_val_if_fail (klass != NULL, NULL);
  g_return_val_if_fail (klass->size >= sizeof (PwHistoryEntry), NULL);
  g_return_val_if_fail (klass->apply != NULL, NULL);

  entry = g_malloc0 (klass->size);
  entry->klass = klass;
  entry->label = g_strdup (label);

  return entry;
}

void
pw_history_entry_free (PwHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  if (entry->klass->finalize != NULL)
    entry->klass->finalize (entry);
  g_clear_pointer (&entry->children, g_ptr_array_unref);
  g_free (entry->label);
  g_free (entry);
}

static gboolean
entry_is_empty (PwHistoryEntry *entry)
{
  if (entry->children != NULL)
    return entry->children->len == 0;

  return entry->klass->is_empty != NULL && entry->klass->is_empty (entry);
}

/* The history */

static gint64
get_now (PwHistory *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_get_monotonic_time ();
}

static const char *
get_step_label (GQueue *queue)
{
  PwHistoryEntry *entry = g_queue_peek_tail (queue);

  return entry != NULL ? entry->label : NULL;
}

static void
update_state (PwHistory *self)
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
clear_queue (GQueue *queue)
{
  PwHistoryEntry *entry;

  while ((entry = g_queue_pop_head (queue)) != NULL)
    pw_history_entry_free (entry);
}

static void
pw_history_dispose (GObject *object)
{
  PwHistory *self = (PwHistory *)object;

  self->last = NULL;
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_pointer (&self->group, pw_history_entry_free);
  self->group_depth = 0;

  G_OBJECT_CLASS (pw_history_parent_class)->dispose (object);
}

static void
pw_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PwHistory *self = PW_HISTORY (object);

  switch (prop_id)
    {
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
pw_history_class_init (PwHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_history_dispose;
  object_class->get_property = pw_history_get_property;

  /**
   * PwHistory:can-undo:
   *
   * Whether pw_history_undo() has a step to revert.
   */
  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PwHistory:can-redo:
   *
   * Whether pw_history_redo() has a step to apply again.
   */
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_history_init (PwHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * pw_history_new:
 *
 * Returns: (transfer full): an empty history
 */
PwHistory *
pw_history_new (void)
{
  return g_object_new (PW_TYPE_HISTORY, NULL);
}

/* Takes @entry into the newest step, if it continues it. */
static gboolean
merge_into_last (PwHistory      *self,
                 PwHistoryEntry *entry)
{
  PwHistoryEntry *top = g_queue_peek_tail (&self->undo);

  if (top == NULL || top != self->last || entry->time - top->time > PW_HISTORY_COALESCE_USEC)
    return FALSE;

  /* A step that made something and its first change (a report added with
   * the first letter typed into it): typing on continues that change.
   * Any other group is a step of its own. */
  if (top->children != NULL && top->children->len > 0)
    {
      PwHistoryEntry *first = g_ptr_array_index (top->children, 0);
      PwHistoryEntry *child = g_ptr_array_index (top->children, top->children->len - 1);

      if (!first->klass->continued
          || child->klass != entry->klass || child->klass->merge == NULL
          || !child->klass->merge (child, entry))
        return FALSE;

      top->time = entry->time;
      pw_history_entry_free (entry);
      if (entry_is_empty (child))
        g_ptr_array_remove_index (top->children, top->children->len - 1);
      if (entry_is_empty (top))
        {
          g_queue_pop_tail (&self->undo);
          pw_history_entry_free (top);
          self->last = NULL;
        }

      return TRUE;
    }

  if (top->klass != entry->klass || top->klass->merge == NULL
      || !top->klass->merge (top, entry))
    return FALSE;

  top->time = entry->time;
  pw_history_entry_free (entry);

  /* Typed and erased again: nothing to undo. */
  if (entry_is_empty (top))
    {
      g_queue_pop_tail (&self->undo);
      pw_history_entry_free (top);
      self->last = NULL;
    }

  return TRUE;
}

static void
push_step (PwHistory      *self,
           PwHistoryEntry *entry)
{
  clear_queue (&self->redo);

  if (!merge_into_last (self, entry))
    {
      g_queue_push_tail (&self->undo, entry);
      self->last = entry;

      while (g_queue_get_length (&self->undo) > PW_HISTORY_MAX_STEPS)
        {
          PwHistoryEntry *oldest = g_queue_pop_head (&self->undo);

          if (oldest == self->last)
            self->last = NULL;
          pw_history_entry_free (oldest);
        }
    }

  update_state (self);
}

/**
 * pw_history_push:
 * @entry: (transfer full): a new entry, from pw_history_entry_new()
 *
 * Records a change that was just made.  Inside a group, it joins the
 * group; otherwise it is a step of its own, unless the newest step takes
 * it in (see #PwHistoryEntryClass.merge).  An entry pushed while the
 * history applies a step is dropped.
 */
void
pw_history_push (PwHistory      *self,
                 PwHistoryEntry *entry)
{
  g_return_if_fail (PW_IS_HISTORY (self));
  g_return_if_fail (entry != NULL);

  if (self->applying)
    {
      pw_history_entry_free (entry);
      return;
    }

  entry->time = get_now (self);

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, entry);
      return;
    }

  push_step (self, entry);
}

/**
 * pw_history_begin_group:
 * @label: (nullable): what the group does, for people; %NULL for the label
 *   of its first entry
 *
 * Makes the entries pushed until the matching pw_history_end_group() one
 * step.  Inside a group already, only counts the nesting.
 */
void
pw_history_begin_group (PwHistory  *self,
                        const char *label)
{
  g_return_if_fail (PW_IS_HISTORY (self));

  if (self->group_depth++ > 0)
    return;

  self->group = pw_history_entry_new (&group_class, label);
  self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_history_entry_free);
}

void
pw_history_end_group (PwHistory *self)
{
  PwHistoryEntry *group;

  g_return_if_fail (PW_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);

  if (group->children->len == 0)
    {
      pw_history_entry_free (group);
      return;
    }

  if (group->label == NULL)
    {
      PwHistoryEntry *first = g_ptr_array_index (group->children, 0);

      group->label = g_strdup (first->label);
    }

  group->time = get_now (self);
  push_step (self, group);
}

/* Applies the newest step of @from and moves it to @to. */
static gboolean
move_step (PwHistory *self,
           GQueue    *from,
           GQueue    *to,
           gboolean   forward)
{
  PwHistoryEntry *entry;

  g_return_val_if_fail (self->group_depth == 0, FALSE);

  entry = g_queue_pop_tail (from);
  if (entry == NULL)
    return FALSE;

  self->applying = TRUE;
  entry->klass->apply (entry, forward);
  self->applying = FALSE;

  g_queue_push_tail (to, entry);
  self->last = NULL;
  update_state (self);

  return TRUE;
}

/**
 * pw_history_undo:
 *
 * Reverts the newest step.
 *
 * Returns: %TRUE when a step was reverted
 */
gboolean
pw_history_undo (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), FALSE);

  return move_step (self, &self->undo, &self->redo, FALSE);
}

/**
 * pw_history_redo:
 *
 * Applies again the step reverted last.
 *
 * Returns: %TRUE when a step was applied again
 */
gboolean
pw_history_redo (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), FALSE);

  return move_step (self, &self->redo, &self->undo, TRUE);
}

/**
 * pw_history_clear:
 *
 * Forgets every step, as after loading a workbook.
 */
void
pw_history_clear (PwHistory *self)
{
  g_return_if_fail (PW_IS_HISTORY (self));

  self->last = NULL;
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  update_state (self);
}

gboolean
pw_history_get_can_undo (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), FALSE);

  return self->can_undo;
}

gboolean
pw_history_get_can_redo (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), FALSE);

  return self->can_redo;
}

/**
 * pw_history_get_undo_label:
 *
 * Returns: (nullable): what pw_history_undo() would revert, for people
 */
const char *
pw_history_get_undo_label (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), NULL);

  return get_step_label (&self->undo);
}

/**
 * pw_history_get_redo_label:
 *
 * Returns: (nullable): what pw_history_redo() would apply again, for people
 */
const char *
pw_history_get_redo_label (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), NULL);

  return get_step_label (&self->redo);
}

/**
 * pw_history_peek_undo:
 *
 * Returns: (transfer none) (nullable): the step pw_history_undo() would
 *   revert
 */
PwHistoryEntry *
pw_history_peek_undo (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), NULL);

  return g_queue_peek_tail (&self->undo);
}

/**
 * pw_history_peek_redo:
 *
 * Returns: (transfer none) (nullable): the step pw_history_redo() would
 *   apply again
 */
PwHistoryEntry *
pw_history_peek_redo (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), NULL);

  return g_queue_peek_tail (&self->redo);
}

guint
pw_history_get_n_undo (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), 0);

  return g_queue_get_length (&self->undo);
}

guint
pw_history_get_n_redo (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), 0);

  return g_queue_get_length (&self->redo);
}

/**
 * pw_history_get_applying:
 *
 * Returns: %TRUE while pw_history_undo() or pw_history_redo() applies a
 *   step: the changes made now are not to be recorded
 */
gboolean
pw_history_get_applying (PwHistory *self)
{
  g_return_val_if_fail (PW_IS_HISTORY (self), FALSE);

  return self->applying;
}

/**
 * pw_history_set_clock:
 * @clock: (nullable): the clock, or %NULL for g_get_monotonic_time()
 *
 * Replaces the clock that decides whether typing merges into one step;
 * for tests.
 */
void
pw_history_set_clock (PwHistory      *self,
                      PwHistoryClock  clock,
                      gpointer        user_data)
{
  g_return_if_fail (PW_IS_HISTORY (self));

  self->clock = clock;
  self->clock_data = user_data;
}
