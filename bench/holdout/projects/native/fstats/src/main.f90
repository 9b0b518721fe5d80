program fstats
  use stats
  implicit none
  real(8) :: data(6) = [2.0d0, 4.0d0, 4.0d0, 5.0d0, 7.0d0, 9.0d0]
  call clamp_all(data, 3.0d0, 8.0d0)
  print '(a, f8.4)', 'mean     ', mean(data)
  print '(a, f8.4)', 'variance ', variance(data)
end program fstats
