df -hT /var; df -i /var                            # which filesystem; blocks or inodes?
du -xh --max-depth=1 /var 2>/dev/null | sort -h | tail

find  -xdev -type f -size +1G -printf '%s\t%p\n' 2>/dev/null |
  sort -rn | head | numfmt --to=iec --field=1
find /var/log -xdev -type f -mmin -60 -size +100M  # what is growing right now
lsof -nP +L1                                  # deleted but still open
