-- NT-06 缺少关联项目 (claim, for each line): the line's code requires (item_rel_b requires)
-- a code that no line of the settlement has.
SELECT count(*)
FROM fee_list_d m
JOIN setl_d s ON s.setl_id = m.setl_id
WHERE EXISTS (SELECT 1 FROM item_rel_b r
              WHERE r.code_a = m.med_list_codg AND r.rel = 'requires'
                AND NOT EXISTS (SELECT 1 FROM fee_list_d x
                                WHERE x.setl_id = m.setl_id AND x.med_list_codg = r.code_b));
