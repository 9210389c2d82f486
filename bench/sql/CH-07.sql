-- CH-07 药品耗材未按进价销售 (line): public institution, drug or consumable, price above the
-- month's purchase price in psi_d (month of the billing day) plus 0.01.
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
LEFT JOIN hilist_b h ON h.hilist_code = l.med_list_codg
JOIN psi_d p ON p.fixmedins_code = s.fixmedins_code
            AND p.med_list_codg = l.med_list_codg
            AND p.ym = substr(coalesce(substr(l.fee_ocur_time, 1, 10), s.begndate), 1, 7)
WHERE i.ownership = '1'
  AND coalesce(l.list_type, h.list_type) IN ('101', '301')
  AND p.purc_pric IS NOT NULL
  AND l.pric > p.purc_pric + 1;
