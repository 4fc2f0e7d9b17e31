/* test-write-queue.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PwWriteQueue: writes run one after the other, in the order pushed, and
 * each result says what happened to that write.
 */

#include "config.h"

#include "pw-test-core.h"
#include "pw-write-queue.h"

typedef struct
{
  GString  *log;       /* written by the worker, read when all have finished */
  char      name;
  gboolean  cancel_after;
  gboolean  done;      /* PwWriteDoneFunc ran… */
  gboolean  done_error; /* …with an error */
  gboolean  finished;  /* the task's callback ran… */
  GError   *error;     /* …with this error */
} Write;

static gboolean
write_cb (gpointer       task_data,
          GCancellable  *cancellable,
          GError       **error)
{
  Write *write = task_data;

  g_string_append_c (write->log, write->name);
  if (write->cancel_after)
    g_cancellable_cancel (cancellable);

  return TRUE;
}

static void
done_cb (GTask        *task,
         const GError *error)
{
  Write *write = g_task_get_task_data (task);

  write->done = TRUE;
  write->done_error = error != NULL;
}

static void
finished_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Write *write = user_data;

  g_assert_true (write->done);
  write->finished = TRUE;
  g_task_propagate_boolean (G_TASK (result), &write->error);
}

static void
push (PwWriteQueue *queue,
      GCancellable *cancellable,
      Write        *write)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, finished_cb, write);

  g_task_set_task_data (task, write, NULL);
  pw_write_queue_push (queue, task, NULL, write_cb, done_cb);
}

static void
wait_finished (Write *writes,
               guint  n_writes)
{
  for (guint i = 0; i < n_writes; i++)
    while (!writes[i].finished)
      g_main_context_iteration (NULL, TRUE);
}

/* Three writes run in the order pushed, one at a time. */
static void
test_order (void)
{
  g_autoptr(PwWriteQueue) queue = pw_write_queue_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  Write writes[] = {
    { .log = log, .name = 'a' },
    { .log = log, .name = 'b' },
    { .log = log, .name = 'c' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    push (queue, NULL, &writes[i]);
  g_assert_true (pw_write_queue_get_busy (queue));

  wait_finished (writes, G_N_ELEMENTS (writes));
  g_assert_false (pw_write_queue_get_busy (queue));
  g_assert_cmpstr (log->str, ==, "abc");
  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_assert_false (writes[i].done_error);
      g_assert_no_error (writes[i].error);
    }
}

/* A write that was done, and cancelled only then (its window closed while it
 * ran), returns success: its owner must know that the file changed.  The
 * write waiting behind it never starts. */
static void
test_cancelled_after_write (void)
{
  g_autoptr(PwWriteQueue) queue = pw_write_queue_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  Write writes[] = {
    { .log = log, .name = 'a', .cancel_after = TRUE },
    { .log = log, .name = 'b' },
  };

  push (queue, cancellable, &writes[0]);
  push (queue, cancellable, &writes[1]);
  wait_finished (writes, G_N_ELEMENTS (writes));

  g_assert_cmpstr (log->str, ==, "a");
  g_assert_false (writes[0].done_error);
  g_assert_no_error (writes[0].error);
  g_assert_true (writes[1].done_error);
  g_assert_error (writes[1].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&writes[1].error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phasewise/write-queue/order", test_order);
  g_test_add_func ("/phasewise/write-queue/cancelled-after-write", test_cancelled_after_write);

  return g_test_run ();
}
