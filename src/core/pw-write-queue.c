/* pw-write-queue.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-write-queue"

#include "config.h"

#include "pw-write-queue.h"

/**
 * PwWriteQueue:
 *
 * Writes that never overlap: each #GTask pushed runs its write in a
 * worker thread once the one before it has finished, in the order they
 * were pushed.  The saves of one document and the drafts of a session
 * each go through one queue, so that two writes of one file never
 * interleave.
 *
 * A write has three parts: a prepare function on the queue's thread just
 * before it starts (to take the state it writes as it is then, after the
 * writes before it), the write itself in the worker thread, and a done
 * function on the queue's thread before the next write starts and before
 * the task returns.  A task returns a boolean, or the write's error.
 *
 * A queue is used from one thread, the one that created it; only the
 * writes run elsewhere.  pw_write_queue_wait() lets a synchronous writer
 * on that thread wait until no write runs.
 */
struct _PwWriteQueue
{
  GObject   parent_instance;

  gpointer  running;   /* Job being written */
  GQueue    waiting;   /* Job not started yet */

  GMutex    lock;
  GCond     cond;
  gboolean  writing;   /* a worker thread writes (under lock) */
};

G_DEFINE_FINAL_TYPE (PwWriteQueue, pw_write_queue, G_TYPE_OBJECT)

typedef struct
{
  GTask              *task;
  PwWritePrepareFunc  prepare;
  PwWriteFunc         write;
  PwWriteDoneFunc     done;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_free (job);
}

static void
pw_write_queue_finalize (GObject *object)
{
  PwWriteQueue *self = (PwWriteQueue *)object;

  /* Every write holds a reference. */
  g_assert (self->running == NULL);
  g_assert (g_queue_is_empty (&self->waiting));

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (pw_write_queue_parent_class)->finalize (object);
}

static void
pw_write_queue_class_init (PwWriteQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_write_queue_finalize;
}

static void
pw_write_queue_init (PwWriteQueue *self)
{
  g_queue_init (&self->waiting);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

/**
 * pw_write_queue_new:
 *
 * Returns: (transfer full): an empty queue
 */
PwWriteQueue *
pw_write_queue_new (void)
{
  return g_object_new (PW_TYPE_WRITE_QUEUE, NULL);
}

static void
write_thread (GTask        *worker,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PwWriteQueue *self = source_object;
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok;

  ok = !g_cancellable_set_error_if_cancelled (cancellable, &error)
       && job->write (g_task_get_task_data (job->task), cancellable, &error);

  g_mutex_lock (&self->lock);
  self->writing = FALSE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  if (ok)
    g_task_return_boolean (worker, TRUE);
  else
    g_task_return_error (worker, error);
}

static void start (PwWriteQueue *self,
                   Job          *job);

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PwWriteQueue *self = PW_WRITE_QUEUE (object);
  Job *job = user_data;
  GTask *task = g_object_ref (job->task);
  GError *error = NULL;

  g_assert (self->running == job);
  self->running = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (job->done != NULL)
    job->done (task, error);
  job_free (job);

  if (!g_queue_is_empty (&self->waiting))
    start (self, g_queue_pop_head (&self->waiting));

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
start (PwWriteQueue *self,
       Job          *job)
{
  g_autoptr(GTask) worker = NULL;

  g_assert (self->running == NULL);
  self->running = job;

  if (job->prepare != NULL)
    job->prepare (job->task);

  g_mutex_lock (&self->lock);
  g_assert (!self->writing);
  self->writing = TRUE;
  g_mutex_unlock (&self->lock);

  worker = g_task_new (self, g_task_get_cancellable (job->task), write_done_cb, job);
  /* A write that finished was done, even when cancelled afterwards */
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_source_tag (worker, start);
  g_task_set_task_data (worker, job, NULL);
  g_task_run_in_thread (worker, write_thread);
}

/**
 * pw_write_queue_push:
 * @task: the task to return when the write has finished; its task data is
 *   what @write gets
 * @prepare: (nullable): runs just before the write starts
 * @write: the write, in a worker thread
 * @done: (nullable): runs when the write has finished
 *
 * Writes now, or after the writes pushed before.  The cancellable of @task
 * stops a write that has not started; one that has finished returns what
 * happened (@task does not check its cancellable when it returns), so that
 * @done and the caller never hear of a write that was done as cancelled.
 */
void
pw_write_queue_push (PwWriteQueue       *self,
                     GTask              *task,
                     PwWritePrepareFunc  prepare,
                     PwWriteFunc         write,
                     PwWriteDoneFunc     done)
{
  Job *job;

  g_return_if_fail (PW_IS_WRITE_QUEUE (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (write != NULL);

  g_task_set_check_cancellable (task, FALSE);

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->prepare = prepare;
  job->write = write;
  job->done = done;

  if (self->running != NULL)
    g_queue_push_tail (&self->waiting, job);
  else
    start (self, job);
}

/**
 * pw_write_queue_get_busy:
 *
 * Returns: %TRUE while a write runs or waits
 */
gboolean
pw_write_queue_get_busy (PwWriteQueue *self)
{
  g_return_val_if_fail (PW_IS_WRITE_QUEUE (self), FALSE);

  return self->running != NULL;
}

/**
 * pw_write_queue_wait:
 *
 * Blocks until no write runs in a worker thread, so that a synchronous
 * write can follow.  Writes still waiting are not started.
 */
void
pw_write_queue_wait (PwWriteQueue *self)
{
  g_return_if_fail (PW_IS_WRITE_QUEUE (self));

  g_mutex_lock (&self->lock);
  while (self->writing)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

/**
 * pw_write_queue_foreach_waiting:
 * @func: called with each #GTask not started yet, oldest first
 *
 * Lets the owner change what waiting writes will write, for example drop
 * the contents of a write that a later one supersedes.
 */
void
pw_write_queue_foreach_waiting (PwWriteQueue *self,
                                GFunc         func,
                                gpointer      user_data)
{
  g_return_if_fail (PW_IS_WRITE_QUEUE (self));
  g_return_if_fail (func != NULL);

  for (GList *l = self->waiting.head; l != NULL; l = l->next)
    {
      Job *job = l->data;

      func (job->task, user_data);
    }
}
