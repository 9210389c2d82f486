-- CH-02 重复收费 (claim, for each pair): a line whose code is included (item_rel_b includes) in
-- another line's code, on the same day (date of fee_ocur_time) of the same settlement. One hit
-- per ordered pair (被包含项, 主项).
SELECT count(*)
FROM item_rel_b r
JOIN fee_list_d m ON m.med_list_codg = r.code_a
JOIN setl_d s ON s.setl_id = m.setl_id
JOIN fee_list_d c ON c.setl_id = m.setl_id AND c.med_list_codg = r.code_b
WHERE r.rel = 'includes'
  AND c.feedetl_sn != m.feedetl_sn
  AND substr(c.fee_ocur_time, 1, 10) = substr(m.fee_ocur_time, 1, 10);
