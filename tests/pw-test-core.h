/* pw-test-core.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "phasewise-core.h"
#include "pw-test-utils.h"

G_BEGIN_DECLS

/* Helpers of the tests that use the core library: workbooks they start from. */

PwWorkbook *pw_test_load_workbook (const char *path);
PwWorkbook *pw_test_load_example  (void);
PwWorkbook *pw_test_new_workbook  (void);
PwMigration *pw_test_migrate_fixture (const char *name);
PwSession  *pw_test_get_session   (void);
void        pw_test_set_status    (PwPolicyItem   *item,
                                   PwPolicyStatus  status);
GPtrArray  *pw_test_read_csv      (const char     *path);
const char *pw_test_csv_cell      (GPtrArray      *rows,
                                   guint           row,
                                   guint           column);

G_END_DECLS
