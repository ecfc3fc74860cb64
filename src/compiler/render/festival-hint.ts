/** What a person runs when Festival or its voice is missing (Debian and Ubuntu). */
export const festivalInstallHint = 'sudo apt-get install festival festvox-us-slt-hts';
