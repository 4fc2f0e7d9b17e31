/* pw-document-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-document.h"
#include "pw-recorder.h"
#include "pw-write-queue.h"

G_BEGIN_DECLS

/* PwDocument spans pw-document.c (its state and drafts) and
 * pw-document-io.c (loading, saving and the watch on its file). */

/* The checksum of a file that a restored draft no longer matches: any save
 * back to it asks first. */
#define PW_DOCUMENT_NEVER_MATCHES "-"

struct _PwDocument
{
  GObject        parent_instance;

  PwSession     *session;
  PwWorkbook    *workbook;
  PwHistory     *history;
  PwRecorder    *recorder;
  PwWriteQueue  *queue;
  GCancellable  *cancellable;

  GFile         *file;
  char          *checksum;       /* of the file as last loaded or saved, NULL when unknown */
  char          *display_name;   /* of the file */
  char          *untitled_name;
  char          *title;
  char          *location;
  guint          disk_serial;    /* grows with every load and save */

  GFileMonitor  *monitor;
  guint          monitor_source;

  char          *draft_id;
  guint          draft_source;

  guint          busy;
  guint          changed_on_disk : 1;
  guint          draft_failing : 1;
};

void     _pw_document_set_busy           (PwDocument *self,
                                          gboolean    busy);
void     _pw_document_set_file           (PwDocument *self,
                                          GFile      *file,
                                          const char *checksum,
                                          const char *display_name);
void     _pw_document_set_workbook       (PwDocument *self,
                                          PwWorkbook *workbook);
void     _pw_document_set_draft_id       (PwDocument *self,
                                          const char *draft_id);
void     _pw_document_set_untitled_name  (PwDocument *self,
                                          const char *name);
void     _pw_document_update_title       (PwDocument *self);
void     _pw_document_set_changed_on_disk (PwDocument *self,
                                          gboolean    changed);
void     _pw_document_start_monitor      (PwDocument *self);
void     _pw_document_stop_monitor       (PwDocument *self);

G_END_DECLS
