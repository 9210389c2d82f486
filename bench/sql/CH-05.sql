-- CH-05 互斥项目同日收费 (claim, for each line): another line of the same settlement on the
-- same billing day whose code excludes this one (item_rel_b exclusive, code_a -> code_b).
SELECT count(*)
FROM fee_list_d v
JOIN setl_d s ON s.setl_id = v.setl_id
WHERE EXISTS (SELECT 1
              FROM item_rel_b r
              JOIN fee_list_d a ON a.setl_id = v.setl_id AND a.med_list_codg = r.code_a
              WHERE r.code_b = v.med_list_codg AND r.rel = 'exclusive'
                AND a.feedetl_sn != v.feedetl_sn
                AND coalesce(substr(a.fee_ocur_time, 1, 10), s.begndate)
                    = coalesce(substr(v.fee_ocur_time, 1, 10), s.begndate));
