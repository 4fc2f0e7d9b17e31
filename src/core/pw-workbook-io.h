/* pw-workbook-io.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pw-workbook.h"

G_BEGIN_DECLS

/* The largest workbook Phasewise opens, and so the largest it saves, in
 * MiB as the messages and docs/file-format.md give it. */
#define PW_WORKBOOK_MAX_MIB   64
#define PW_WORKBOOK_MAX_BYTES (PW_WORKBOOK_MAX_MIB * 1024 * 1024)

PwWorkbook *pw_workbook_load_from_bytes  (GBytes        *bytes,
                                          GError       **error);
GBytes     *pw_workbook_read_file        (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
PwWorkbook *pw_workbook_load             (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
GBytes     *pw_workbook_serialize        (PwWorkbook    *self);

G_END_DECLS
