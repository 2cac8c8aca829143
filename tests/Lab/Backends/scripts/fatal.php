<?php
// A PHP fatal error: the function does not exist.
lab_function_that_does_not_exist();
