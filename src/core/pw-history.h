/* pw-history.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PW_HISTORY_MAX_STEPS      500
#define PW_HISTORY_COALESCE_USEC  (2 * G_USEC_PER_SEC)

typedef struct _PwHistoryEntry      PwHistoryEntry;
typedef struct _PwHistoryEntryClass PwHistoryEntryClass;

/**
 * PwHistoryEntryClass:
 * @size: the size of the entry's structure, which begins with a #PwHistoryEntry
 * @apply: sets what the entry changed to its state after the change
 *   (@forward %TRUE, for redo) or before it (%FALSE, for undo)
 * @merge: (nullable): takes @next, a newer entry of the same class, into
 *   @entry when @next continues it (typing in one field); returns whether
 *   it did
 * @is_empty: (nullable): whether the entry changes nothing any more, after
 *   merging (a word typed and erased again)
 * @finalize: (nullable): frees what the entry holds, not the entry itself
 * @continued: whether a group that begins with such an entry goes on into
 *   what comes next: the entry adds something (a report), and typing into
 *   it right after, which merges into the group's last change, continues
 *   that step
 *
 * One kind of change that the history can undo and redo.
 */
struct _PwHistoryEntryClass
{
  gsize      size;
  void     (*apply)    (PwHistoryEntry *entry,
                        gboolean        forward);
  gboolean (*merge)    (PwHistoryEntry *entry,
                        PwHistoryEntry *next);
  gboolean (*is_empty) (PwHistoryEntry *entry);
  void     (*finalize) (PwHistoryEntry *entry);
  gboolean   continued;
};

/**
 * PwHistoryEntry:
 * @klass: what kind of change it is
 * @label: what it changed, for people: "the answer to “…”"
 *
 * One step of a #PwHistory: an entry of a #PwHistoryEntryClass, or a group
 * of entries undone and redone together.
 */
struct _PwHistoryEntry
{
  const PwHistoryEntryClass *klass;
  char                      *label;

  /*< private >*/
  gint64                     time;
  GPtrArray                 *children;
};

/**
 * PwHistoryClock:
 * @user_data: the data given to pw_history_set_clock()
 *
 * Returns: the time now, in monotonic microseconds (as g_get_monotonic_time())
 */
typedef gint64 (*PwHistoryClock) (gpointer user_data);

#define PW_TYPE_HISTORY (pw_history_get_type ())

G_DECLARE_FINAL_TYPE (PwHistory, pw_history, PW, HISTORY, GObject)

gpointer         pw_history_entry_new         (const PwHistoryEntryClass *klass,
                                               const char                *label);
void             pw_history_entry_free        (PwHistoryEntry            *entry);

PwHistory       *pw_history_new               (void);
void             pw_history_push              (PwHistory                 *self,
                                               PwHistoryEntry            *entry);
void             pw_history_begin_group       (PwHistory                 *self,
                                               const char                *label);
void             pw_history_end_group         (PwHistory                 *self);
gboolean         pw_history_undo              (PwHistory                 *self);
gboolean         pw_history_redo              (PwHistory                 *self);
void             pw_history_clear             (PwHistory                 *self);
gboolean         pw_history_get_can_undo      (PwHistory                 *self);
gboolean         pw_history_get_can_redo      (PwHistory                 *self);
const char      *pw_history_get_undo_label    (PwHistory                 *self);
const char      *pw_history_get_redo_label    (PwHistory                 *self);
PwHistoryEntry  *pw_history_peek_undo         (PwHistory                 *self);
PwHistoryEntry  *pw_history_peek_redo         (PwHistory                 *self);
guint            pw_history_get_n_undo        (PwHistory                 *self);
guint            pw_history_get_n_redo        (PwHistory                 *self);
gboolean         pw_history_get_applying      (PwHistory                 *self);
void             pw_history_set_clock         (PwHistory                 *self,
                                               PwHistoryClock             clock,
                                               gpointer                   user_data);

G_END_DECLS
