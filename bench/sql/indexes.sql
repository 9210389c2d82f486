-- Indexes a DBA would add for these queries (timed separately from the load). The primary keys
-- already index setl_d.setl_id, fee_list_d.feedetl_sn and the reference tables' keys.
CREATE INDEX fee_list_d_setl ON fee_list_d (setl_id, med_list_codg);
CREATE INDEX fee_list_d_code ON fee_list_d (med_list_codg);
CREATE INDEX setl_d_psn ON setl_d (psn_no, begndate);
CREATE INDEX setl_d_inst ON setl_d (fixmedins_code, begndate);
CREATE INDEX item_rel_b_b ON item_rel_b (code_b, rel);
CREATE INDEX pract_b_inst ON pract_b (fixmedins_code);
ANALYZE;
