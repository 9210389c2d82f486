-- DR-04 超限定支付范围（限住院使用） (line); 例外医疗类别 is empty by default.
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
JOIN hilist_b h ON h.hilist_code = l.med_list_codg
WHERE h.lmt_inhosp = '1'
  AND NOT (s.med_type = '21')
  AND l.inscp_scp_amt > 0;
