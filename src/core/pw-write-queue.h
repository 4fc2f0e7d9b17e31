/* pw-write-queue.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * PwWriteFunc:
 * @task_data: the task data of the #GTask pushed
 * @cancellable: (nullable): its cancellable
 * @error: where to put the reason of a failure
 *
 * Writes, in a worker thread; touches nothing but @task_data.
 *
 * Returns: whether it succeeded
 */
typedef gboolean (*PwWriteFunc)    (gpointer       task_data,
                                    GCancellable  *cancellable,
                                    GError       **error);

/**
 * PwWritePrepareFunc:
 * @task: the #GTask pushed
 *
 * Runs on the queue's thread just before the write of @task starts, when
 * the writes before it have finished.
 */
typedef void     (*PwWritePrepareFunc) (GTask        *task);

/**
 * PwWriteDoneFunc:
 * @task: the #GTask pushed
 * @error: (nullable): why the write failed, or %NULL
 *
 * Runs on the queue's thread when the write of @task has finished, before
 * the next write starts and before @task returns.
 */
typedef void     (*PwWriteDoneFunc)    (GTask        *task,
                                        const GError *error);

#define PW_TYPE_WRITE_QUEUE (pw_write_queue_get_type ())

G_DECLARE_FINAL_TYPE (PwWriteQueue, pw_write_queue, PW, WRITE_QUEUE, GObject)

PwWriteQueue *pw_write_queue_new              (void);
void          pw_write_queue_push             (PwWriteQueue       *self,
                                               GTask              *task,
                                               PwWritePrepareFunc  prepare,
                                               PwWriteFunc         write,
                                               PwWriteDoneFunc     done);
gboolean      pw_write_queue_get_busy         (PwWriteQueue       *self);
void          pw_write_queue_wait             (PwWriteQueue       *self);
void          pw_write_queue_foreach_waiting  (PwWriteQueue       *self,
                                               GFunc               func,
                                               gpointer            user_data);

G_END_DECLS
