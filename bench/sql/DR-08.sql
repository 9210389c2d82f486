-- DR-08 无处方销售处方药 (line): pharmacy, prescription drug, no rxno.
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
JOIN hilist_b h ON h.hilist_code = l.med_list_codg
WHERE (s.med_type = '41' OR i.fixmedins_type = '2')
  AND h.rx_flag = '1'
  AND coalesce(l.rxno, '') = ''
  AND l.inscp_scp_amt > 0;
