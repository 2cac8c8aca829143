<?php
// Kills its own PHP-FPM worker mid-request, as a segfaulting extension or an OOM kill would.
posix_kill(getmypid(), 9);
echo "not reached\n";
