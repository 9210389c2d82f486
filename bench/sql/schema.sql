-- Tables of std.schema (stdlib-rules/std/schema.rule) for the SQL baseline, SQLite dialect.
-- Loaded by bench/sql_baseline.py: money as INTEGER fen (exact, as FundGuard holds it), dec as
-- REAL, dates and datetimes as ISO text (they compare correctly as text), `list of str` columns
-- as JSON arrays (read with json_each), empty CSV cells as NULL. Reversal records
-- (refd_setl_flag = 1) and their fee lines are deleted after the load, as `fundguard run` excludes them.
CREATE TABLE setl_d (
  setl_id TEXT PRIMARY KEY, mdtrt_id TEXT, psn_no TEXT, gend TEXT, brdy TEXT, age INTEGER,
  insutype TEXT, insu_admdvs TEXT, fixmedins_code TEXT, fixmedins_name TEXT, med_type TEXT,
  setl_type TEXT, invono TEXT, begndate TEXT, enddate TEXT, setl_time TEXT, dise_codg TEXT,
  dise_name TEXT, oth_dise_codg TEXT, medfee_sumamt INTEGER, fulamt_ownpay_amt INTEGER,
  inscp_scp_amt INTEGER, hifp_pay INTEGER, fund_pay_sumamt INTEGER, psn_pay INTEGER,
  acct_pay INTEGER, cash_payamt INTEGER, refd_setl_flag TEXT);
CREATE TABLE fee_list_d (
  feedetl_sn TEXT PRIMARY KEY, setl_id TEXT, mdtrt_id TEXT, psn_no TEXT, fee_ocur_time TEXT,
  med_list_codg TEXT, medins_list_codg TEXT, hilist_name TEXT, list_type TEXT,
  med_chrgitm_type TEXT, chrgitm_lv TEXT, cnt REAL, pric INTEGER, det_item_fee_sumamt INTEGER,
  inscp_scp_amt INTEGER, bilg_dept_codg TEXT, bilg_dr_codg TEXT, rxno TEXT);
CREATE TABLE psn_info_b (
  psn_no TEXT PRIMARY KEY, gend TEXT, brdy TEXT, poverty_flag TEXT, wubao_flag TEXT,
  death_date TEXT, insu_admdvs TEXT);
CREATE TABLE fixmedins_b (
  fixmedins_code TEXT PRIMARY KEY, fixmedins_name TEXT, fixmedins_type TEXT, hosp_lv TEXT,
  ownership TEXT, admdvs TEXT, beds INTEGER, agmt_begn TEXT, agmt_end TEXT, susp_begn TEXT,
  susp_end TEXT);
CREATE TABLE hilist_b (
  hilist_code TEXT PRIMARY KEY, hilist_name TEXT, list_type TEXT, med_chrgitm_type TEXT,
  chrgitm_lv TEXT, pric_uplmt_lv1 INTEGER, pric_uplmt_lv2 INTEGER, pric_uplmt_lv3 INTEGER,
  lmt_gend TEXT, lmt_age_min INTEGER, lmt_age_max INTEGER, lmt_dise TEXT, lmt_inhosp TEXT,
  max_daily_cnt REAL, rx_flag TEXT, key_monitor TEXT, research_flag TEXT, lmt_hosp_lv TEXT,
  lmt_insutype TEXT, lmt_course_days INTEGER, lmt_freq_cnt INTEGER, lmt_freq_days INTEGER,
  item_group TEXT);
CREATE TABLE item_rel_b (code_a TEXT, code_b TEXT, rel TEXT, PRIMARY KEY (code_a, code_b, rel));
CREATE TABLE psi_d (
  fixmedins_code TEXT, med_list_codg TEXT, ym TEXT, open_cnt REAL, purc_cnt REAL,
  purc_pric INTEGER, close_cnt REAL, PRIMARY KEY (fixmedins_code, med_list_codg, ym));
CREATE TABLE pract_b (
  dr_codg TEXT, fixmedins_code TEXT, valid_begn TEXT, valid_end TEXT,
  PRIMARY KEY (dr_codg, fixmedins_code, valid_begn));
-- Declared by rule IP-07 (stdlib-rules/inpatient/IP-07.rule), not by std.schema.
CREATE TABLE "诊断支撑_b" (dise_prefix TEXT, item_group TEXT, PRIMARY KEY (dise_prefix, item_group));
